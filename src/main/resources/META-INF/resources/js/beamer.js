// The projector view's script: the live stream keeps every part of the screen current without reloading, the clock
// runs, and the item under discussion counts down with the meeting's shared countdown (js/live/meeting.js: the
// offset to the server's clock, measured once, keeps it alike on every device; a swapped-in agenda part is picked up
// at the next tick). The view has no controls: nothing here waits for input. See docs/architecture.md.

import { createBoard } from './beamer/board.js';
import { startClock } from './beamer/clock.js';
import { clockOffset, startCountdowns } from './live/meeting.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';

const bar = document.getElementById('live');
const screen = document.getElementById('beamer');
startClock(document.getElementById('beamer-clock'));
if (bar && screen && 'fetch' in window) {
  clockOffset(screen.dataset.slug).then(startCountdowns);
  if ('WebSocket' in window) {
    startStream(bar, createSession(bar), createBoard(screen));
  }
}
