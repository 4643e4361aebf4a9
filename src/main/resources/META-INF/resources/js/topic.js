// The topic page's script: live updates of the thread and the topic's state, drafts of the comment forms, and the
// single reply, edit, delete and hide forms that move under the comment they act on. Plain ES modules, no build
// step; see docs/architecture.md ("Live layer") for the frames it applies.

import { createAnnouncer, createStatus } from './live/announce.js';
import { createCommentActions } from './live/comment-actions.js';
import { createDrafts } from './live/drafts.js';
import { createSession } from './live/session.js';
import { startStream } from './live/stream.js';
import { createTopicPage } from './live/topic-page.js';
import { createThreadPages } from './live/thread-pages.js';

const bar = document.getElementById('live');
if (bar && 'fetch' in window) {
  const data = bar.dataset;
  const status = createStatus(document.getElementById('page-status'));
  const session = createSession(bar);
  const drafts = createDrafts(bar, session, status);
  const actions = createCommentActions(drafts);
  createThreadPages(Number(data.liveTopic));
  actions.reopen(drafts.saved());
  if ('WebSocket' in window) {
    const announcer = createAnnouncer(document.getElementById('live-announce'),
      document.getElementById('live-announcer'), data);
    const page = createTopicPage(Number(data.liveTopic), data, announcer, session, status);
    actions.onClose(page.retry);
    startStream(bar, session, page);
  }
}
