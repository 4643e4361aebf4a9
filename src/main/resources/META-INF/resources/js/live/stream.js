// The live stream of a page: the page says where it stands (data-live-seq, the log position it was rendered at); the
// stream asks the server for everything after it, hands each log frame to the page exactly once and in order, and
// resumes from the last applied seq after any interruption. The indicator in the live bar says "live" only while
// frames arrive. Every visible text comes from data-text-* attributes, which the server renders from the message
// bundle.

import { createConnection } from './connection.js';
import { createPolling } from './polling.js';
import { createPresence } from './presence.js';

const HEARTBEAT_DEFAULT_MS = 20000;
const STALE_AFTER_HEARTBEATS = 2.5;

/**
 * page.apply(frame) applies one log frame; it returns false when the page no longer matches the log (an element a
 * frame names is missing), which is handled like a log that no longer reaches back: reload, unless that would throw
 * typed text away. page.hasTypedText() says whether it would.
 */
export function startStream(bar, session, page) {
  const data = bar.dataset;
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const ui = {
    state: document.getElementById('live-state'),
    reload: document.getElementById('live-reload'),
  };
  const presence = createPresence(document.getElementById('live-presence'), data, topicId);
  const texts = {
    connecting: data.textConnecting,
    live: data.textLive,
    reconnecting: data.textReconnecting,
    offline: data.textOffline,
    polling: data.textPolling,
    stale: data.textStale,
  };
  let lastSeq = Number(data.liveSeq) || 0;
  let stopped = false;

  const polling = createPolling({
    slug: data.liveSlug,
    session,
    since: () => lastSeq,
    receive: (frame) => receive(frame, false),
    setState,
    state: () => bar.dataset.state,
    isStopped: () => stopped,
  });
  const connection = createConnection({
    url: socketUrl,
    staleAfterMs: (Number(data.liveHeartbeat) || HEARTBEAT_DEFAULT_MS) * STALE_AFTER_HEARTBEATS,
    session,
    polling,
    setState,
    isStopped: () => stopped,
    receive: (frame) => {
      if (bar.dataset.state !== 'live') {
        setState('live');
      }
      receive(frame, true);
    },
  });

  bar.hidden = false;
  loadPageModules();
  ui.reload.addEventListener('click', () => location.reload());
  setState('connecting');
  connection.acknowledge(lastSeq);
  connection.connect();

  window.addEventListener('pagehide', () => {
    stopped = true;
    polling.stop();
    connection.stop();
  });
  // Signed in again (in another tab, say): reconnect so the stream matches the reader's rights again.
  session.onRenewed(() => {
    if (!stopped) {
      connection.resume(true);
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && stopped) {
      stopped = false;
      setState('reconnecting');
      connection.resume(true);
    }
  });

  /**
   * Loads the scripts that blocks of other features on the page name in data-live-module (the meeting's banner),
   * once each, so the page's own script need not know them; only the app's own /js/ modules.
   */
  function loadPageModules() {
    const modules = new Set([...document.querySelectorAll('[data-live-module]')]
      .map((element) => element.dataset.liveModule)
      .filter((path) => /^\/js\/[\w\/-]+\.js$/.test(path)));
    modules.forEach((path) => import(path).catch((e) => console.error('live: could not load', path, e)));
  }

  function setState(state) {
    bar.dataset.state = state;
    const text = texts[state];
    if (ui.state.textContent !== text) {
      ui.state.textContent = text;
    }
  }

  function socketUrl() {
    const url = new URL(`/live/${encodeURIComponent(data.liveSlug)}`, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('since', String(lastSeq));
    if (topicId !== null) {
      url.searchParams.set('topic', String(topicId));
    }
    return url.href;
  }

  /** Handles one frame; returns false when the caller should stop handing over frames. */
  function receive(frame, fromSocket) {
    switch (frame.type) {
      case 'presence':
        presence.show(frame);
        return true;
      case 'heartbeat':
        if (fromSocket && frame.seq > lastSeq) {
          connection.resume(false);
        }
        return true;
      case 'reset':
        reset();
        return false;
      case 'error':
        connection.refused();
        return true;
      case 'pong':
        return true;
      default:
        break;
    }
    if (typeof frame.seq !== 'number') {
      // An ephemeral frame of a feature (a notice to moderators): whoever on the page wants it listens for it.
      document.dispatchEvent(new CustomEvent('live:notice', { detail: frame }));
      return true;
    }
    if (frame.seq <= lastSeq) {
      return true;
    }
    if (frame.seq > lastSeq + 1) {
      if (fromSocket) {
        connection.resume(false);
      }
      return false;
    }
    lastSeq = frame.seq;
    let fits = true;
    try {
      fits = page.apply(frame) !== false;
    } catch (e) {
      console.error('live: could not apply frame', frame.seq, e);
    }
    if (!fits) {
      reset();
      return false;
    }
    // Scripts a feature adds to every page (the meeting's banner) follow the log without the page knowing them.
    document.dispatchEvent(new CustomEvent('live:frame', { detail: frame }));
    if (fromSocket) {
      connection.acknowledge(lastSeq);
    }
    return true;
  }

  /** The page cannot follow the log any more: reload, unless that would throw away typed text. */
  function reset() {
    stopped = true;
    polling.stop();
    connection.stop();
    if (!page.hasTypedText()) {
      location.reload();
      return;
    }
    setState('stale');
    ui.reload.hidden = false;
  }
}
