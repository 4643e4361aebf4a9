// Drafts: nothing typed into a comment form is lost.

import { storage } from './util.js';

const DRAFT_PREFIX = 'thesenforum.draft.';
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
// A draft sent this recently is taken as published when the server's redirect lands on the new or edited comment.
const DRAFT_CONFIRM_WITHIN_MS = 10 * 60 * 1000;
const NO_DRAFTS = { restore() {}, saved: () => [] };

/**
 * Keeps what is typed into the comment, reply and edit forms of a topic page in localStorage, one draft per form and
 * place (per topic and parent comment for replies, per comment for edits; the reply and edit forms move from comment
 * to comment, and each place keeps its own draft) and per account, so a shared device does not hand one
 * person's draft to the next. A draft is restored when the page is opened again and removed once the server has
 * confirmed the post by redirecting to the new or edited comment. Before a form is sent, the page checks that the
 * session still holds; if it ended, the draft stays and the reader is offered the login, which returns here.
 */
export function createDrafts(bar, session, status) {
  const data = bar.dataset;
  const owner = data.draftOwner;
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const store = storage();
  if (!owner || topicId === null || !store) {
    return NO_DRAFTS;
  }
  const prefix = `${DRAFT_PREFIX}${owner}.`;
  let announced = false;

  prune();
  confirmPublished();
  document.querySelectorAll('form').forEach(restore);
  document.addEventListener('input', (event) => keep(event.target.form, false));
  document.addEventListener('change', (event) => keep(event.target.form, false));
  document.addEventListener('submit', send);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      document.querySelectorAll('form[data-sending]').forEach((form) => delete form.dataset.sending);
    }
  });

  return {
    /** Shows the draft of the form's present place, if there is one (after the form moved). */
    restore,
    /**
     * The places of kept reply and edit drafts on this page, newest first: { kind: 'reply' | 'edit', commentId },
     * so the moving forms can be opened there again.
     */
    saved() {
      const places = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) || '';
        const reply = key.startsWith(`${prefix}topic.${topicId}.reply.`) ? /\.reply\.(\d+)$/.exec(key) : null;
        const edit = key.startsWith(prefix) ? /\.comment\.(\d+)\.edit$/.exec(key) : null;
        const draft = reply || edit ? read(key) : null;
        if (draft) {
          places.push({ kind: reply ? 'reply' : 'edit', commentId: (reply || edit)[1], saved: draft.saved });
        }
      }
      return places.sort((a, b) => b.saved - a.saved);
    },
  };

  /** The draft's key for a comment, reply or edit form; null for every other form. */
  function keyOf(form) {
    if (!form || !form.elements || !form.elements.body || form.method.toLowerCase() !== 'post') {
      return null;
    }
    const action = new URL(form.getAttribute('action'), location.href).pathname;
    let match = /^\/topics\/(\d+)\/comments$/.exec(action);
    if (match && form.elements.parentId) {
      // The reply form: no draft while it waits at its home, without a comment to answer.
      const parent = form.elements.parentId.value;
      return parent ? `${prefix}topic.${match[1]}.reply.${parent}` : null;
    }
    if (match) {
      return `${prefix}topic.${match[1]}.new`;
    }
    match = /^\/comments\/(\d+)\/edit$/.exec(action);
    return match ? `${prefix}comment.${match[1]}.edit` : null;
  }

  /** Saves the form's text (or forgets it when there is nothing to keep); sending marks it as on its way. */
  function keep(form, sending) {
    const key = keyOf(form);
    if (!key) {
      return;
    }
    const body = form.elements.body;
    const nothing = isEdit(key) ? body.value === body.defaultValue : body.value.trim() === '';
    if (nothing) {
      remove(key);
      return;
    }
    const draft = { text: body.value, saved: Date.now() };
    const question = form.elements.questionId;
    if (question && question.value) {
      draft.question = question.value;
    }
    if (sending) {
      draft.sent = Date.now();
    }
    write(key, draft);
  }

  function restore(form) {
    form.querySelectorAll('.draft-note').forEach((note) => note.remove());
    const key = keyOf(form);
    const draft = key ? read(key) : null;
    if (!draft) {
      return;
    }
    if (draft.sent) {
      // It was sent, but the server did not confirm it (refused, or the session had ended): a draft again.
      delete draft.sent;
      write(key, draft);
    }
    const body = form.elements.body;
    if (body.value === draft.text) {
      return;
    }
    if (!isEdit(key) && body.value.trim() !== '') {
      // The server showed a refused text again; that is what was sent last.
      keep(form, false);
      return;
    }
    body.value = draft.text;
    const question = form.elements.questionId;
    if (question && draft.question && !question.value
        && [...question.options].some((option) => option.value === draft.question)) {
      question.value = draft.question;
    }
    showNote(form, key);
  }

  function showNote(form, key) {
    const body = form.elements.body;
    const note = document.createElement('p');
    note.className = 'draft-note';
    note.id = `${body.id}-draft`;
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link-button';
    discard.textContent = data.textDraftDiscard;
    discard.addEventListener('click', () => {
      body.value = body.defaultValue;
      remove(key);
      note.remove();
      body.focus();
    });
    note.append(data.textDraftRestored, ' ', discard);
    body.before(note);
    const described = (body.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== note.id);
    body.setAttribute('aria-describedby', [...described, note.id].join(' '));
    if (!announced) {
      announced = true;
      status.say(data.textDraftRestored);
    }
  }

  /**
   * The server answers a successful post with a redirect to the comment (/topics/T#cN): a draft sent a moment ago
   * whose form fits that comment (a new comment, a reply to its parent, or its edit) has arrived.
   */
  function confirmPublished() {
    const match = /^#c(\d+)$/.exec(location.hash);
    const li = match ? document.getElementById(`c${match[1]}`) : null;
    if (!li || location.pathname !== `/topics/${topicId}` || !li.classList.contains('is-mine')) {
      return;
    }
    const keys = [`${prefix}comment.${match[1]}.edit`, li.dataset.parentId
      ? `${prefix}topic.${topicId}.reply.${li.dataset.parentId}`
      : `${prefix}topic.${topicId}.new`];
    for (const key of keys) {
      const draft = read(key);
      if (draft && draft.sent && Date.now() - draft.sent < DRAFT_CONFIRM_WITHIN_MS) {
        remove(key);
      }
    }
  }

  /** Sends the form only while the session holds; otherwise keeps the draft and offers the login. */
  async function send(event) {
    const form = event.target;
    // A preview asked for without the preview script goes to the server as typed: it stores nothing.
    if (!keyOf(form) || event.defaultPrevented || (event.submitter && event.submitter.name === 'preview')) {
      return;
    }
    event.preventDefault();
    if (form.dataset.sending) {
      return;
    }
    form.dataset.sending = 'true';
    keep(form, true);
    if (await session.signedIn() === false) {
      delete form.dataset.sending;
      keep(form, false);
      session.ended(true);
      return;
    }
    // Not asked again (no submit event): the form was checked before this handler ran.
    HTMLFormElement.prototype.submit.call(form);
  }

  /** Forgets drafts nobody came back to for a long time. */
  function prune() {
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      keys.push(store.key(i));
    }
    for (const key of keys.filter((k) => k && k.startsWith(DRAFT_PREFIX))) {
      const draft = read(key);
      if (!draft || !(Date.now() - draft.saved < DRAFT_MAX_AGE_MS)) {
        remove(key);
      }
    }
  }

  function isEdit(key) {
    return key.endsWith('.edit');
  }

  function read(key) {
    try {
      const draft = JSON.parse(store.getItem(key));
      return draft && typeof draft.text === 'string' ? draft : null;
    } catch (e) {
      return null;
    }
  }

  function write(key, draft) {
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (e) {
      // Storage full or blocked: the text is still in the form.
    }
  }

  function remove(key) {
    try {
      store.removeItem(key);
    } catch (e) {
      // Nothing to do.
    }
  }
}

