// The demands page's script: the board follows the live stream, and moderators order the joint demands by drag and
// drop. Plain ES modules, no build step; see docs/architecture.md ("Live layer").

import { createStatus } from './live/announce.js';
import { createDemandsPage } from './live/demands-page.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';

const bar = document.getElementById('live');
if (bar && 'fetch' in window) {
  const status = createStatus(document.getElementById('page-status'));
  const page = createDemandsPage(document.getElementById('demands-page'), status);
  if ('WebSocket' in window) {
    startStream(bar, createSession(bar), page);
  }
}
