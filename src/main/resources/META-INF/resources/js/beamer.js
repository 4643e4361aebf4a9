// The projector view's script: the live stream keeps every part of the screen current without reloading, and the
// clock runs. The view has no controls: nothing here waits for input. See docs/architecture.md ("Projector view").

import { createBoard } from './beamer/board.js';
import { startClock } from './beamer/clock.js';
import { createCountdown } from './beamer/countdown.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';

const bar = document.getElementById('live');
const screen = document.getElementById('beamer');
startClock(document.getElementById('beamer-clock'));
const countdown = createCountdown();
if (bar && screen && 'fetch' in window && 'WebSocket' in window) {
  const board = createBoard(screen);
  board.onSwapped((part, arrivedAt) => {
    if (part === 'punkt') {
      countdown.refreshed(arrivedAt);
    }
  });
  startStream(bar, createSession(bar), board);
}
