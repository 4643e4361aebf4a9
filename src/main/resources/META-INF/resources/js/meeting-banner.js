// The meeting's banner on every page of a discussion ("Jetzt: These 3 — …"), loaded by the live stream because the
// banner names it in data-live-module: fetched again in the reader's language
// on every meeting frame of the live stream, with the countdown, and the opt-in "Moderation folgen" switch, which
// takes the reader to the item being discussed whenever the moderators move on (unless the reader is typing: drafts
// are kept in localStorage anyway, but a jump in the middle of a sentence is unkind; the banner is highlighted then).

import { clockOffset, startCountdowns } from './live/meeting.js';
import { debounced, hasTypedText, storage } from './live/util.js';
import { highlight } from './live/scroll.js';

const FOLLOW_KEY = 'thesenforum.meeting.follow';

const first = document.getElementById('meeting-banner');
if (first && 'fetch' in window) {
  const slug = first.dataset.meetingSlug;
  const store = storage();
  let following = Boolean(store && store.getItem(FOLLOW_KEY) === '1');

  const wire = (banner) => {
    const toggle = banner.querySelector('#meeting-follow');
    const label = toggle && toggle.closest('label');
    if (!toggle || !store) {
      return;
    }
    label.hidden = false;
    toggle.checked = following;
    toggle.addEventListener('change', () => {
      following = toggle.checked;
      store.setItem(FOLLOW_KEY, following ? '1' : '0');
      if (following) {
        go(document.getElementById('meeting-banner'));
      }
    });
  };

  const refresh = debounced(async () => {
    const response = await fetch(`/discussions/${encodeURIComponent(slug)}/sitzung/banner`, {
      headers: { Accept: 'text/html' }, cache: 'no-store',
    });
    if (!response.ok) {
      return;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.firstElementChild;
    const banner = document.getElementById('meeting-banner');
    if (!fresh || !banner) {
      return;
    }
    const moved = fresh.dataset.meetingFocus !== banner.dataset.meetingFocus;
    if (banner.contains(document.activeElement)) {
      // Keep the switch the reader is on; only the text changes.
      const now = banner.querySelector('.meeting-now');
      const freshNow = fresh.querySelector('.meeting-now');
      if (now) {
        now.remove();
      }
      if (freshNow) {
        banner.prepend(freshNow);
      }
      banner.hidden = fresh.hidden;
      banner.dataset.meetingFocus = fresh.dataset.meetingFocus;
      banner.dataset.meetingHref = fresh.dataset.meetingHref;
    } else {
      banner.replaceWith(fresh);
      wire(fresh);
    }
    const shown = document.getElementById('meeting-banner');
    if (moved && !shown.hidden) {
      highlight(shown);
      if (following) {
        go(shown);
      }
    }
  });

  wire(first);
  clockOffset(slug).then(startCountdowns);
  // This script is loaded after the stream started: a focus set in between would otherwise wait for the next one.
  refresh();
  document.addEventListener('live:frame', (event) => {
    if (/^meeting\./.test(String(event.detail && event.detail.type))) {
      refresh();
    }
  });

  /** Takes the reader to the item being discussed, unless already there or typing. */
  function go(banner) {
    const href = banner && banner.dataset.meetingHref;
    if (!href || banner.hidden) {
      return;
    }
    const target = new URL(href, location.href);
    if (target.pathname === location.pathname && target.hash === location.hash) {
      return;
    }
    if (hasTypedText(document)) {
      highlight(banner);
      return;
    }
    if (target.pathname === location.pathname) {
      location.hash = target.hash;
    } else {
      location.assign(target.href);
    }
  }
}
