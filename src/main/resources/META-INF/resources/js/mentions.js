// @mention suggestions for the comment forms: after "@" and at least one letter, the display names of people
// that begin so are offered below the text field; choosing one inserts "@Name ". Without JavaScript one simply
// types the name. The names come from /api/discussions/{slug}/names, for signed-in people only.
(function () {
  'use strict';
  const bar = document.getElementById('live');
  const slug = bar && bar.dataset.liveSlug;
  if (!slug || !('fetch' in window)) {
    return;
  }
  const FIELDS = ['new-comment-body', 'reply-form-body', 'edit-form-body'];
  const list = document.createElement('ul');
  list.className = 'mention-suggestions';
  list.id = 'mention-suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  let field = null;
  let start = -1;
  let names = [];
  let active = -1;
  let pending = 0;

  function query(textarea) {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const at = before.lastIndexOf('@');
    if (at < 0 || (at > 0 && /[\p{L}\p{N}]/u.test(before.charAt(at - 1)))) {
      return null;
    }
    const typed = before.slice(at + 1);
    if (typed.length < 1 || typed.length > 40 || /\n/.test(typed)) {
      return null;
    }
    return { at, typed };
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    names = [];
    active = -1;
    if (field) {
      field.removeAttribute('aria-activedescendant');
    }
  }

  function render() {
    list.replaceChildren(...names.map((name, i) => {
      const item = document.createElement('li');
      item.id = `mention-option-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      item.textContent = name;
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(i);
      });
      return item;
    }));
    list.hidden = names.length === 0;
    if (active >= 0) {
      field.setAttribute('aria-activedescendant', `mention-option-${active}`);
    }
  }

  function choose(i) {
    const name = names[i];
    if (!field || name === undefined) {
      return;
    }
    const end = field.selectionStart;
    const text = `@${name} `;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    const caret = start + text.length;
    field.setSelectionRange(caret, caret);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    close();
    field.focus();
  }

  async function suggest(textarea) {
    const q = query(textarea);
    if (!q) {
      close();
      return;
    }
    field = textarea;
    start = q.at;
    const mine = ++pending;
    try {
      const url = `/api/discussions/${encodeURIComponent(slug)}/names?prefix=${encodeURIComponent(q.typed)}`;
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (mine !== pending || !response.ok) {
        return;
      }
      names = await response.json();
      active = names.length > 0 ? 0 : -1;
      textarea.insertAdjacentElement('afterend', list);
      render();
    } catch (e) {
      close();
    }
  }

  document.addEventListener('input', (event) => {
    if (FIELDS.includes(event.target.id)) {
      suggest(event.target);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (list.hidden || event.target !== field) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : names.length - 1)) % names.length;
      render();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  document.addEventListener('focusout', (event) => {
    if (event.target === field) {
      close();
    }
  });
})();
