// The moderators' meeting page: the live stream keeps the state, the agenda with its times and the countdown current
// (the page fetches itself again on every meeting frame), and the reach line follows the meeting.reach notices, or
// the reach endpoint while no notice comes (a meeting that has not started sends none).

import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';
import { clockOffset, startCountdowns } from './live/meeting.js';
import { API_HEADERS, debounced, fill, hasTypedText } from './live/util.js';

const POLL_MS = 10000;

const bar = document.getElementById('live');
const root = document.getElementById('meeting-page');
if (bar && root && 'fetch' in window && 'WebSocket' in window) {
  const slug = root.dataset.slug;
  const reach = document.getElementById('meeting-reach');
  let lastNotice = 0;

  const refresh = debounced(async () => {
    const response = await fetch(location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    if (!response.ok) {
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const board = document.getElementById('meeting-board');
    const fresh = doc.getElementById('meeting-board');
    if (board && fresh && !board.contains(document.activeElement)) {
      const shownReach = document.getElementById('meeting-reach');
      const imported = document.importNode(fresh, true);
      // The reach line follows its own notices; keep what it shows.
      imported.querySelector('#meeting-reach')?.replaceWith(shownReach);
      board.replaceWith(imported);
    }
  });

  const showReach = (r) => {
    if (!reach || !r) {
      return;
    }
    const d = reach.dataset;
    let text = r.devices === 0 ? d.textNone
      : fill(r.devices === 1 ? d.textOne : d.textMany, r.current, r.devices);
    if (r.devices > 0 && r.lagging > 0) {
      text += ', ' + fill(r.lagging === 1 ? d.textBehindOne : d.textBehindMany, r.lagging);
    }
    if (reach.textContent !== text) {
      reach.textContent = text;
    }
  };

  const poll = async () => {
    if (Date.now() - lastNotice < POLL_MS) {
      return;
    }
    const response = await fetch(reach.dataset.reachUrl, { headers: API_HEADERS, cache: 'no-store' });
    if (response.ok) {
      showReach(await response.json());
    }
  };

  document.addEventListener('live:notice', (event) => {
    if (event.detail && event.detail.type === 'meeting.reach') {
      lastNotice = Date.now();
      showReach(event.detail.data);
    }
  });
  setInterval(() => poll().catch(() => {}), POLL_MS);

  clockOffset(slug).then(startCountdowns);
  startStream(bar, createSession(bar), {
    apply(frame) {
      if (/^meeting\./.test(String(frame.type))) {
        refresh();
      }
      return true;
    },
    hasTypedText: () => hasTypedText(document),
  });
}
