// The one routine that puts a frame's fragment into the page: by the id in "target" and the way in "swap"
// (replace, append, prepend, remove), the same for every feature (docs/architecture.md, "Frames and fragments").
//
// Protections: an element the reader works in (focus, typed text, an open form or <details>) is not replaced or
// removed; the change waits, the element is marked "aktualisiert", and it is applied once focus or the form moves on
// (the newest change of an element wins). Descendants marked data-live-keep (a comment's replies list) stay when
// their element is replaced: the fresh fragment's element of the same id is swapped for the one on the page. Changes
// above the viewport do not move what the reader looks at, and inserted content is highlighted.

import { fragment } from './util.js';
import { highlight, keepScroll } from './scroll.js';

const SWAPS = new Set(['replace', 'append', 'prepend', 'remove']);

/**
 * hooks: prepare(root) fills in what the page adds to pushed markup; accept(element) says whether the page shows
 * a new element at all (a question filter); partial says whether the page shows only part of what the log covers,
 * so a missing target is expected; changed(element, inserted) runs after an element was replaced or inserted;
 * updatedText is the mark of a waiting change; say(text) announces an element's data-live-announce.
 */
export function createFragments(hooks) {
  const pending = new Map();
  const retry = () => setTimeout(applyPending, 0);
  document.addEventListener('focusout', retry);
  document.addEventListener('toggle', retry, true);

  /**
   * Applies one fragment at its place ({ target, swap }); returns false when the target is missing where the page
   * should have it, so the page no longer matches the log. Unknown swaps are ignored.
   */
  function apply(frame, place) {
    if (!place || !SWAPS.has(place.swap) || typeof place.target !== 'string') {
      return true;
    }
    const element = document.getElementById(place.target);
    if (!element) {
      return hooks.partial;
    }
    if (place.swap === 'remove') {
      return change(element, null, frame, place);
    }
    const fresh = fragment(frame.html);
    if (!fresh) {
      return true;
    }
    hooks.prepare(fresh);
    if (place.swap === 'replace') {
      return change(element, fresh, frame, place);
    }
    const existing = fresh.id ? document.getElementById(fresh.id) : null;
    if (existing) {
      // Already on the page (rendered after the change): this is its newest version.
      return change(existing, fresh, frame, { target: fresh.id, swap: 'replace' });
    }
    if (!hooks.accept(fresh)) {
      return true;
    }
    keepScroll(fresh, () => (place.swap === 'append' ? element.append(fresh) : element.prepend(fresh)));
    highlight(fresh);
    done(fresh, true);
    return true;
  }

  /** Replaces (fresh) or removes (null) an element, or waits while the reader works in it. */
  function change(element, fresh, frame, place) {
    if (isBusy(element, fresh !== null)) {
      pending.set(element.id, { frame, place: { target: element.id, swap: place.swap } });
      markUpdated(element);
      return true;
    }
    pending.delete(element.id);
    if (fresh === null) {
      element.remove();
      return true;
    }
    carryKept(element, fresh);
    keepScroll(fresh, () => element.replaceWith(fresh));
    done(fresh, false);
    return true;
  }

  function done(element, inserted) {
    hooks.changed(element, inserted);
    if (element.dataset.liveAnnounce) {
      hooks.say(element.dataset.liveAnnounce);
    }
  }

  function applyPending() {
    for (const [id, { frame, place }] of [...pending]) {
      const element = document.getElementById(id);
      if (!element) {
        pending.delete(id);
      } else if (!isBusy(element, place.swap === 'replace')) {
        pending.delete(id);
        apply(frame, place);
      }
    }
  }

  /** Moves the elements to keep (data-live-keep) from the page's element into the fresh one, by id. */
  function carryKept(element, fresh) {
    for (const slot of fresh.querySelectorAll('[data-live-keep][id]')) {
      const kept = document.getElementById(slot.id);
      if (kept && element.contains(kept)) {
        slot.replaceWith(kept);
      }
    }
  }

  function markUpdated(element) {
    const slot = element.matches('[data-live-mark]') ? element : element.querySelector('[data-live-mark]');
    if (slot && !slot.querySelector('.live-updated')) {
      const mark = document.createElement('span');
      mark.className = 'live-updated';
      mark.textContent = hooks.updatedText;
      slot.append(mark);
    }
  }

  return {
    apply,
    /** Tries the waiting changes again (after the page itself closed a form, which fires no focusout). */
    retry,
  };
}

/**
 * Whether changing this element would take the reader's focus, an open form or typed text away. When the element
 * is replaced (keeping), what lies in its kept descendants stays on the page and does not count.
 */
export function isBusy(element, keeping) {
  const kept = keeping ? [...element.querySelectorAll('[data-live-keep]')] : [];
  const own = (node) => !kept.some((k) => k.contains(node));
  const active = document.activeElement;
  if (active && active !== document.body && element.contains(active) && own(active)) {
    return true;
  }
  return [...element.querySelectorAll('details[open], [data-live-open], textarea, input[type="text"]')]
    .some((el) => own(el) && (el.matches('details[open], [data-live-open]') || el.value !== el.defaultValue));
}
