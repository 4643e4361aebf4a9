// What the page says to screen readers: short status messages, and new comments in batches.

import { fill } from './util.js';

const ANNOUNCE_EVERY_MS = 5000;
const ANNOUNCE_KEY = 'thesenforum.live.announce';

/** A polite live region for short status messages (a draft restored, the topic locked). */
export function createStatus(region) {
  let timer = 0;
  return {
    say(text) {
      if (!region || !text) {
        return;
      }
      // Emptied first, so the same message twice is announced twice.
      region.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => {
        region.textContent = text;
      }, 100);
    },
  };
}

/**
 * Announces new comments at most every few seconds ("Neuer Beitrag von …", or how many), while the reader leaves the
 * switch in the live bar on; the choice is remembered.
 */
export function createAnnouncer(toggle, region, data) {
  let names = [];
  let timer = 0;
  try {
    toggle.checked = localStorage.getItem(ANNOUNCE_KEY) !== 'off';
  } catch (e) {
    // Storage may be unavailable (private mode): announcements stay on.
  }
  toggle.addEventListener('change', () => {
    try {
      localStorage.setItem(ANNOUNCE_KEY, toggle.checked ? 'on' : 'off');
    } catch (e) {
      // Not remembered, but still applies to this page.
    }
    if (!toggle.checked) {
      names = [];
      clearTimeout(timer);
      timer = 0;
    }
  });

  function flush() {
    timer = 0;
    if (!toggle.checked || names.length === 0) {
      names = [];
      return;
    }
    const text = names.length === 1
      ? fill(data.textNewOne, names[0])
      : fill(data.textNewMany, String(names.length));
    names = [];
    region.textContent = text;
  }

  return {
    add(name) {
      if (!toggle.checked) {
        return;
      }
      names.push(name);
      if (!timer) {
        timer = setTimeout(flush, ANNOUNCE_EVERY_MS);
      }
    },
  };
}
