// The topic page's single reply, edit, delete and hide forms, moved under the comment whose control was chosen.
//
// Each comment carries small links (data-action="reply" …) to /topics/{id}?antwort={comment}#reply-form and the
// like, where the server renders the form under that comment for browsers without JavaScript. Here a click moves the
// page's one form of that kind under the comment instead, fills in its parent or action, and its label or text; the
// form's "Abbrechen" (or the control again) moves it back to its home at the end of the thread. An open form counts
// as work in progress (data-live-open), so a pushed change of its comment waits (see fragments.js).

import { API_HEADERS, fill } from './util.js';

/** drafts: see drafts.js (restore(form) after a move, saved() to reopen forms that hold drafts). */
export function createCommentActions(drafts) {
  const home = document.getElementById('action-forms');
  const closed = [];
  if (!home) {
    return { reopen() {}, onClose() {} };
  }
  document.querySelectorAll('form[data-action-form]').forEach((form) => {
    if (!form.hidden) {
      form.dataset.liveOpen = '';
    }
  });
  document.addEventListener('click', (event) => {
    const control = event.target.closest('a[data-action]');
    if (!control || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const action = control.dataset.action;
    const form = action === 'close'
      ? control.closest('form[data-action-form]')
      : document.querySelector(`form[data-action-form="${CSS.escape(action)}"]`);
    const li = control.closest('li[data-comment-id]');
    if (!form || (action !== 'close' && !li)) {
      return;
    }
    event.preventDefault();
    if (action === 'close' || isOpenAt(form, li)) {
      close(form);
    } else {
      open(form, li, control).catch(() => {
        location.href = control.href;
      });
    }
  });

  function isOpenAt(form, li) {
    return !form.hidden && form.parentElement === li.querySelector(':scope > article');
  }

  async function open(form, li, control, focus = true) {
    const article = li.querySelector(':scope > article');
    const id = li.dataset.commentId;
    const kind = form.dataset.actionForm;
    form.querySelectorAll('.notice-error').forEach((error) => error.remove());
    const field = form.querySelector('textarea, input[type="text"]');
    if (field) {
      field.removeAttribute('aria-invalid');
      field.setAttribute('aria-describedby', `${field.id.replace(/-(body|reason)$/, '')}-hint`);
      field.defaultValue = '';
      field.value = '';
    }
    if (kind === 'reply') {
      form.elements.parentId.value = id;
      const name = li.querySelector(':scope > article .author');
      form.querySelector('label').textContent = fill(form.dataset.label, name ? name.textContent : '');
    } else {
      form.action = fill(form.dataset.actionTemplate, id);
    }
    clearExpanded();
    article.append(form);
    form.hidden = false;
    form.dataset.liveOpen = '';
    if (control) {
      control.setAttribute('aria-expanded', 'true');
    }
    if (kind === 'edit') {
      field.readOnly = true;
      const source = await sourceOf(id);
      field.readOnly = false;
      field.defaultValue = source;
      field.value = source;
    }
    drafts.restore(form);
    if (field && focus) {
      field.focus();
    }
  }

  function close(form) {
    clearExpanded();
    form.hidden = true;
    delete form.dataset.liveOpen;
    form.querySelectorAll('.draft-note').forEach((note) => note.remove());
    home.append(form);
    closed.forEach((listener) => listener());
  }

  function clearExpanded() {
    document.querySelectorAll('a[data-action][aria-expanded="true"]').forEach((control) => {
      const form = document.querySelector(`form[data-action-form="${CSS.escape(control.dataset.action)}"]`);
      if (!form || !isOpenAt(form, control.closest('li[data-comment-id]'))) {
        control.removeAttribute('aria-expanded');
      }
    });
  }

  /** The comment's Markdown source, which only the JSON API has (the page shows it rendered). */
  async function sourceOf(id) {
    const response = await fetch(`/api/comments/${encodeURIComponent(id)}`, { headers: API_HEADERS });
    const comment = response.ok ? await response.json() : null;
    if (!comment || typeof comment.body !== 'string') {
      throw new Error('no source');
    }
    return comment.body;
  }

  return {
    /** Opens the reply and edit forms again where drafts wait for them (the newest of each kind). */
    reopen(places) {
      for (const kind of ['reply', 'edit']) {
        const form = document.querySelector(`form[data-action-form="${kind}"]`);
        const place = places.find((p) => p.kind === kind && document.getElementById(`c${p.commentId}`));
        const li = place ? document.getElementById(`c${place.commentId}`) : null;
        const control = li ? li.querySelector(`:scope > article a[data-action="${kind}"]`) : null;
        if (form && form.hidden && control && control.offsetParent !== null) {
          open(form, li, control, false).catch(() => close(form));
        }
      }
    },
    /** Called after a form went back home (which fires no focusout). */
    onClose(listener) {
      closed.push(listener);
    },
  };
}
