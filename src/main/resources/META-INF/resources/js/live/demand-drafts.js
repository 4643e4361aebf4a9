// Drafts of the demands page: nothing typed into a proposal, a new wording, an objection or a dissent note is lost,
// also when the session ended meanwhile. The comment forms have their own module (drafts.js); both keep their
// drafts under the same per-account prefix, which signing out on purpose clears (signout.js).

import { storage } from './util.js';

const DRAFT_PREFIX = 'thesenforum.draft.';
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
// A draft sent this recently is taken as arrived when the server's redirect shows the page without a refusal.
const DRAFT_CONFIRM_WITHIN_MS = 10 * 60 * 1000;
const TEXT_FIELDS = ['title', 'text', 'rationale', 'note', 'objection'];

/**
 * Keeps the text fields of the demand forms in localStorage, one draft per form and account: the proposal form of a
 * discussion, and per demand its edit, position and dissent forms. A draft is put back when the page is opened
 * again (its <details> opened, with a note and a way to discard it) and removed once the server took the form.
 * Before a form is sent, the page checks that the session still holds; if not, the draft stays and the reader is
 * offered the login, which returns here.
 */
export function createDemandDrafts(bar, session, status) {
  const data = bar.dataset;
  const owner = data.draftOwner;
  const store = storage();
  if (!owner || !store) {
    return;
  }
  const prefix = `${DRAFT_PREFIX}${owner}.`;
  let announced = false;

  prune();
  // The server answers a form it took with a redirect to the demand (#d123) and no refusal on the page.
  const arrived = /^#d\d+$/.test(location.hash) && document.querySelector('.notice-error[role="alert"]') === null;
  document.querySelectorAll('form').forEach((form) => restore(form, arrived));
  document.addEventListener('input', (event) => keep(event.target.form, false));
  document.addEventListener('change', (event) => keep(event.target.form, false));
  document.addEventListener('submit', send);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      document.querySelectorAll('form[data-sending]').forEach((form) => delete form.dataset.sending);
    }
  });

  /** The draft's key for a demand form with text fields; null for every other form. */
  function keyOf(form) {
    if (!form || !form.getAttribute || form.method.toLowerCase() !== 'post') {
      return null;
    }
    const action = new URL(form.getAttribute('action'), location.href).pathname;
    let match = /^\/discussions\/([^/]+)\/demands$/.exec(action);
    if (match) {
      return `${prefix}demands.${match[1]}.new`;
    }
    match = /^\/demands\/(\d+)\/(edit|vote|dissents)$/.exec(action);
    return match ? `${prefix}demand.${match[1]}.${match[2]}` : null;
  }

  function fields(form) {
    return TEXT_FIELDS.map((name) => form.elements[name]).filter((field) => field && 'value' in field);
  }

  function topics(form) {
    return [...form.querySelectorAll('input[type="checkbox"][name="topicIds"]')];
  }

  /** Saves what is typed (or forgets the draft when nothing differs from what the page brought). */
  function keep(form, sending) {
    const key = keyOf(form);
    if (!key) {
      return;
    }
    const typed = fields(form).filter((field) => field.value !== field.defaultValue);
    if (typed.length === 0) {
      remove(key);
      return;
    }
    const draft = { fields: {}, saved: Date.now() };
    fields(form).forEach((field) => { draft.fields[field.name] = field.value; });
    const boxes = topics(form);
    if (boxes.length) {
      draft.topics = boxes.filter((box) => box.checked).map((box) => box.value);
    }
    if (sending) {
      draft.sent = Date.now();
    }
    write(key, draft);
  }

  /**
   * Puts a kept draft back, unless it was just sent and the page is the server's answer that took it, or the server
   * showed the form again with the refused text in it.
   */
  function restore(form, arrived) {
    const key = keyOf(form);
    const draft = key ? read(key) : null;
    if (!draft || !draft.fields) {
      return;
    }
    if (draft.sent && arrived && Date.now() - draft.sent < DRAFT_CONFIRM_WITHIN_MS) {
      remove(key);
      return;
    }
    if (draft.sent) {
      delete draft.sent;
      write(key, draft);
    }
    if (fields(form).some((field) => field.value !== field.defaultValue)) {
      keep(form, false);
      return;
    }
    let differs = false;
    for (const field of fields(form)) {
      const value = draft.fields[field.name];
      if (typeof value === 'string' && value !== field.value) {
        field.value = value;
        differs = true;
      }
    }
    if (Array.isArray(draft.topics)) {
      topics(form).forEach((box) => { box.checked = draft.topics.includes(box.value); });
    }
    if (!differs) {
      return;
    }
    const details = form.closest('details');
    if (details) {
      details.open = true;
    }
    showNote(form, key);
  }

  function showNote(form, key) {
    const note = document.createElement('p');
    note.className = 'draft-note';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link-button';
    discard.textContent = data.textDraftDiscard;
    discard.addEventListener('click', () => {
      fields(form).forEach((field) => { field.value = field.defaultValue; });
      topics(form).forEach((box) => { box.checked = box.defaultChecked; });
      remove(key);
      note.remove();
    });
    note.append(data.textDraftRestored, ' ', discard);
    const first = fields(form)[0];
    (first && first.previousElementSibling && first.previousElementSibling.tagName === 'LABEL'
      ? first.previousElementSibling : first || form.firstElementChild).before(note);
    if (!announced) {
      announced = true;
      status.say(data.textDraftRestored);
    }
  }

  /** Sends the form only while the session holds; otherwise keeps the draft and offers the login. */
  async function send(event) {
    const form = event.target;
    if (!keyOf(form) || event.defaultPrevented) {
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
    HTMLFormElement.prototype.submit.call(form);
  }

  /** Forgets this module's drafts nobody came back to for a long time. */
  function prune() {
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      keys.push(store.key(i));
    }
    for (const key of keys.filter((k) => k && k.startsWith(prefix) && /\.(demands|demand)\./.test(k))) {
      const draft = read(key);
      if (!draft || !(Date.now() - draft.saved < DRAFT_MAX_AGE_MS)) {
        remove(key);
      }
    }
  }

  function read(key) {
    try {
      return JSON.parse(store.getItem(key));
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
