// The demands page's script: the board follows the live stream, moderators order the joint demands by drag and
// drop, and what is typed into the demand forms is kept as a draft. Plain ES modules, no build step; see
// docs/architecture.md ("Live layer").

import { createStatus } from './live/announce.js';
import { createDemandDrafts } from './live/demand-drafts.js';
import { createDemandsPage } from './live/demands-page.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';

const bar = document.getElementById('live');
if (bar && 'fetch' in window) {
  const status = createStatus(document.getElementById('page-status'));
  const session = createSession(bar);
  createDemandDrafts(bar, session, status);
  const page = createDemandsPage(document.getElementById('demands-page'), status);
  if ('WebSocket' in window) {
    startStream(bar, session, page);
  }
}
