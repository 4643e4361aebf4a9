// The discussion overview's script: counts and last activity of the topic cards follow the live stream.

import { createAnnouncer } from './live/announce.js';
import { createOverviewPage } from './live/overview-page.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';

const bar = document.getElementById('live');
if (bar && 'fetch' in window && 'WebSocket' in window) {
  const announcer = createAnnouncer(document.getElementById('live-announce'),
    document.getElementById('live-announcer'), bar.dataset);
  startStream(bar, createSession(bar), createOverviewPage(announcer));
}
