// Live updates for the discussion overview and the topic page.
//
// The page says where it stands (data-live-seq, the log position it was rendered at); the script asks the
// server for everything after it over the WebSocket /live/{slug}, applies each log frame exactly once and in
// order, tells the server how far it got ({"type": "ack"}, at most once a second and after every resume), and
// resumes from the last seen seq after any interruption. When the socket cannot be opened, the HTTP
// feed /api/discussions/{slug}/changes is polled instead while the socket keeps being retried. Every visible text
// comes from data-text-* attributes, which the server renders from the message bundle.
//
// The indicator says "live" only while frames arrive: the server sends at least a heartbeat every interval
// (data-live-heartbeat), and a connection silent for 2.5 intervals counts as lost and is replaced. Close code 4401
// means the reader's session was ended elsewhere: the page says so, keeps everything typed and reconnects as what the
// reader now is. Comment, reply and edit forms keep drafts in localStorage (see createDrafts).

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30000;
const RETRY_JITTER = 0.3;
const STABLE_AFTER_MS = 10000;
const FAILURES_BEFORE_POLLING = 3;
const POLL_EVERY_MS = 5000;
const POLL_LIMIT = 100;
const ANNOUNCE_EVERY_MS = 5000;
const HIGHLIGHT_MS = 4000;
const REFRESH_DELAY_MS = 1000;
// Spread refetches of a busy room's phones and laptops over a few seconds instead of one burst.
const REFRESH_JITTER_MS = 2000;
const ANNOUNCE_KEY = 'thesenforum.live.announce';
const HEARTBEAT_DEFAULT_MS = 20000;
const STALE_AFTER_HEARTBEATS = 2.5;
const ACK_EVERY_MS = 1000;
const SESSION_ENDED = 4401;
// Marks the page's own requests, so a 401 carries no Basic challenge (which browsers answer with a password dialog).
const API_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
const SESSION_CHECK_TIMEOUT_MS = 5000;
const DRAFT_PREFIX = 'thesenforum.draft.';
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
// A draft sent this recently is taken as published when the server's redirect lands on the new or edited comment.
const DRAFT_CONFIRM_WITHIN_MS = 10 * 60 * 1000;
const WRITE_BUTTONS = '#new-comment button[type="submit"], .thread form[action$="/comments"] button[type="submit"], '
  + '.thread form[action$="/edit"] button[type="submit"]';

const bar = document.getElementById('live');
if (bar && 'fetch' in window) {
  const status = createStatus(document.getElementById('page-status'));
  const session = createSession(bar, status);
  createDrafts(bar, session, status);
  if ('WebSocket' in window) {
    start(bar, session, status);
  }
}

function start(bar, session, status) {
  const data = bar.dataset;
  const slug = data.liveSlug;
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const staleAfterMs = (Number(data.liveHeartbeat) || HEARTBEAT_DEFAULT_MS) * STALE_AFTER_HEARTBEATS;
  const texts = {
    connecting: data.textConnecting,
    live: data.textLive,
    reconnecting: data.textReconnecting,
    offline: data.textOffline,
    polling: data.textPolling,
    stale: data.textStale,
  };
  const ui = {
    state: document.getElementById('live-state'),
    presence: document.getElementById('live-presence'),
    reload: document.getElementById('live-reload'),
    announce: document.getElementById('live-announce'),
    announcer: document.getElementById('live-announcer'),
  };
  const announcer = createAnnouncer(ui.announce, ui.announcer, data);
  const page = topicId === null
    ? createOverviewPage(announcer)
    : createTopicPage(topicId, data, announcer, session, status);

  let lastSeq = Number(data.liveSeq) || 0;
  let socket = null;
  let attempt = 0;
  let failures = 0;
  let retryTimer = 0;
  let polling = 0; // generation of the running poll loop; 0 = not polling
  let pollTimer = 0;
  let staleTimer = 0;
  let ackTimer = 0;
  let ackedSeq = -1; // the last seq acknowledged on the current socket
  let stopped = false;

  bar.hidden = false;
  ui.reload.addEventListener('click', () => location.reload());
  setState('connecting');
  connect();

  window.addEventListener('pagehide', () => {
    stopped = true;
    clearTimeout(retryTimer);
    stopPolling();
    closeSocket();
  });
  // Signed in again (in another tab, say): reconnect so the stream matches the reader's rights again.
  session.onRenewed(() => {
    if (!stopped) {
      attempt = 0;
      resume();
    }
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && stopped) {
      stopped = false;
      attempt = 0;
      setState('reconnecting');
      connect();
    }
  });

  function setState(state) {
    bar.dataset.state = state;
    const text = texts[state];
    if (ui.state.textContent !== text) {
      ui.state.textContent = text;
    }
  }

  function socketUrl() {
    const url = new URL(`/live/${encodeURIComponent(slug)}`, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('since', String(lastSeq));
    if (topicId !== null) {
      url.searchParams.set('topic', String(topicId));
    }
    return url.href;
  }

  function connect() {
    clearTimeout(retryTimer);
    if (stopped) {
      return;
    }
    let openedAt = 0;
    let ws;
    try {
      ws = new WebSocket(socketUrl());
    } catch (e) {
      failed(false, 0);
      return;
    }
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) {
        return;
      }
      openedAt = Date.now();
      failures = 0;
      stopPolling();
      setState('live');
      watch(ws);
      // A new connection knows nothing of earlier acknowledgements: tell it where this page stands.
      ackedSeq = -1;
      acknowledgeSoon();
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) {
        return;
      }
      watch(ws);
      if (bar.dataset.state !== 'live') {
        setState('live');
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(frame, true);
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      clearTimeout(staleTimer);
      if (event.code === SESSION_ENDED) {
        // Ended on purpose (signed out elsewhere, role changed, account disabled): say so and come back at once
        // as what the reader now is.
        session.ended();
        attempt = 0;
        failures = 0;
        setState('reconnecting');
        connect();
        return;
      }
      if (openedAt > 0) {
        session.verify();
      }
      failed(openedAt > 0, openedAt);
    });
  }

  /** Counts the connection as lost when nothing at all (not even a heartbeat) arrives for 2.5 intervals. */
  function watch(ws) {
    clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      ws.close();
      failed(false, 0);
    }, staleAfterMs);
  }

  function failed(hadOpened, openedAt) {
    if (stopped) {
      return;
    }
    if (hadOpened && Date.now() - openedAt > STABLE_AFTER_MS) {
      attempt = 0;
    }
    if (!hadOpened) {
      failures++;
    }
    if (failures >= FAILURES_BEFORE_POLLING) {
      startPolling();
    }
    if (!polling) {
      setState(hadOpened ? 'reconnecting' : 'offline');
    }
    const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
    attempt++;
    const delay = base * (1 + (Math.random() * 2 - 1) * RETRY_JITTER);
    retryTimer = setTimeout(connect, delay);
  }

  function closeSocket() {
    const ws = socket;
    socket = null;
    clearTimeout(staleTimer);
    if (ws) {
      ws.close();
    }
  }

  /** Frames went missing: reconnect at once, asking for everything after the last one applied. */
  function resume() {
    closeSocket();
    if (!polling) {
      setState('reconnecting');
    }
    connect();
  }

  function startPolling() {
    if (polling || stopped) {
      return;
    }
    polling = Date.now();
    poll(polling);
  }

  function stopPolling() {
    polling = 0;
    clearTimeout(pollTimer);
  }

  /** The indicator promises updates every few seconds only while a poll has just worked. */
  async function poll(generation) {
    let worked = false;
    try {
      let more = true;
      while (more && polling === generation) {
        const url = `/api/discussions/${encodeURIComponent(slug)}/changes?since=${lastSeq}&limit=${POLL_LIMIT}`;
        const response = await fetch(url, { headers: API_HEADERS, cache: 'no-store' });
        if (response.status === 401) {
          session.verify();
        }
        if (!response.ok || polling !== generation) {
          worked = false;
          break;
        }
        worked = true;
        const frames = await response.json();
        for (const frame of frames) {
          if (polling !== generation || !receive(frame, false)) {
            break;
          }
        }
        more = frames.length >= POLL_LIMIT;
      }
    } catch (e) {
      // The network is down too: try again at the next interval.
      worked = false;
    }
    if (polling === generation && !stopped) {
      if (bar.dataset.state !== 'stale') {
        setState(worked ? 'polling' : 'offline');
      }
      pollTimer = setTimeout(() => poll(generation), POLL_EVERY_MS);
    }
  }

  /** Handles one frame; returns false when the caller should stop handing over frames. */
  function receive(frame, fromSocket) {
    switch (frame.type) {
      case 'presence':
        showPresence(frame);
        return true;
      case 'heartbeat':
        if (fromSocket && frame.seq > lastSeq) {
          resume();
        }
        return true;
      case 'reset':
        reset();
        return false;
      case 'pong':
      case 'error':
        return true;
      default:
        break;
    }
    if (typeof frame.seq !== 'number' || frame.seq <= lastSeq) {
      return true;
    }
    if (frame.seq > lastSeq + 1) {
      if (fromSocket) {
        resume();
      }
      return false;
    }
    lastSeq = frame.seq;
    try {
      page.apply(frame);
    } catch (e) {
      console.error('live: could not apply frame', frame.seq, e);
    }
    if (fromSocket) {
      acknowledgeSoon();
    }
    return true;
  }

  function acknowledgeSoon() {
    if (!ackTimer) {
      ackTimer = setTimeout(acknowledge, ACK_EVERY_MS);
    }
  }

  /** Tells the server the last seq this page applied, once for a whole burst of frames. */
  function acknowledge() {
    ackTimer = 0;
    if (socket && socket.readyState === WebSocket.OPEN && lastSeq !== ackedSeq) {
      socket.send(JSON.stringify({ type: 'ack', seq: lastSeq }));
      ackedSeq = lastSeq;
    }
  }

  function showPresence(frame) {
    const online = String(frame.online ?? 0);
    if (topicId === null) {
      ui.presence.textContent = fill(data.textOnline, online);
    } else {
      const here = String((frame.topics && frame.topics[String(topicId)]) || 0);
      ui.presence.textContent = fill(data.textOnlineTopic, online, here);
    }
  }

  /** The log no longer reaches back to this page: reload, unless that would throw away typed text. */
  function reset() {
    stopped = true;
    clearTimeout(retryTimer);
    stopPolling();
    closeSocket();
    if (!hasTypedText(document)) {
      location.reload();
      return;
    }
    setState('stale');
    ui.reload.hidden = false;
  }
}

// ---- The topic page: comments in place ----------------------------------------------------------------------

function createTopicPage(topicId, data, announcer, session, status) {
  const thread = document.querySelector('ol.thread');
  const count = document.getElementById('thread-count');
  const section = thread ? thread.closest('section') : null;
  const filter = data.liveFilter ? Number(data.liveFilter) : null;
  const csrf = csrfInput(data.csrfName);
  const pending = new Map();
  const refreshCount = debounced(async () => {
    const response = await fetch(`/api/topics/${topicId}`, { headers: API_HEADERS });
    if (response.ok) {
      showCount((await response.json()).commentCount);
    }
  });

  // Replacements deferred while the reader works in a comment are retried once focus or a form moves on.
  const retry = () => setTimeout(applyPending, 0);
  document.addEventListener('focusout', retry);
  document.addEventListener('toggle', retry, true);

  return {
    apply(frame) {
      if (frame.topicId !== topicId || !thread) {
        return;
      }
      if (frame.type.startsWith('topic.')) {
        showTopicStatus(frame.html);
        if (frame.data && typeof frame.data.commentCount === 'number') {
          showCount(frame.data.commentCount);
        }
        return;
      }
      const comment = frame.data;
      refreshCount();
      const existing = document.getElementById(`c${comment.id}`);
      if (existing) {
        update(existing, frame);
      } else if (frame.type === 'comment.created') {
        insert(frame);
      }
    },
  };

  function showCount(n) {
    if (count && typeof n === 'number') {
      count.textContent = `(${n})`;
    }
  }

  function insert(frame) {
    const comment = frame.data;
    if (filter !== null && comment.questionId !== filter) {
      return;
    }
    let list = thread;
    if (comment.parentId != null) {
      const parent = document.getElementById(`c${comment.parentId}`);
      if (!parent) {
        return; // the parent is not on this page (filtered out): nothing to hang the reply on
      }
      const container = parent.parentElement;
      list = container.matches('ol.replies.flat') ? container : parent.querySelector(':scope > ol.replies');
    }
    const li = fragment(frame.html);
    if (!li || !list) {
      return;
    }
    prepare(li);
    keepScroll(li, () => list.append(li));
    const empty = section && section.querySelector('.thread-empty');
    if (empty) {
      empty.remove();
    }
    highlight(li);
    if (comment.body != null && !comment.deleted) {
      announcer.add(comment.author ? comment.author.displayName : '');
    }
  }

  function update(li, frame) {
    const fresh = fragment(frame.html);
    if (!fresh) {
      return;
    }
    prepare(fresh);
    const article = li.querySelector(':scope > article');
    if (article && isBusy(article)) {
      pending.set(li.id, frame);
      markUpdated(article);
      return;
    }
    pending.delete(li.id);
    replaceArticle(li, fresh, frame.data);
  }

  function applyPending() {
    for (const [id, frame] of [...pending]) {
      const li = document.getElementById(id);
      if (!li) {
        pending.delete(id);
        continue;
      }
      const article = li.querySelector(':scope > article');
      if (!article || !isBusy(article)) {
        update(li, frame);
      }
    }
  }

  /** Swaps the comment's own card and keeps its replies list (and the author's own controls) in place. */
  function replaceArticle(li, fresh, comment) {
    const article = li.querySelector(':scope > article');
    const next = fresh.querySelector(':scope > article');
    if (!article || !next) {
      return;
    }
    const mine = li.classList.contains('is-mine');
    if (mine) {
      carryOwnControls(article, next, comment);
    }
    keepScroll(li, () => {
      article.replaceWith(next);
      li.className = fresh.className;
      li.classList.toggle('is-mine', mine);
    });
  }

  /**
   * The pushed fragment is the same for everybody and so has no edit or delete controls; the author's page
   * keeps its own as long as they still apply.
   */
  function carryOwnControls(from, to, comment) {
    const actions = to.querySelector('.comment-actions');
    if (!actions || comment.deleted) {
      return;
    }
    const own = [...from.querySelectorAll('.comment-actions > details')].filter((d) =>
      d.querySelector('form[action$="/delete"]') || (comment.body != null && d.querySelector('form[action$="/edit"]')));
    const moderation = [...actions.children].find((el) =>
      el.matches('form[action$="/unhide"]') || el.querySelector('form[action$="/hide"]'));
    for (const details of own) {
      const textarea = details.querySelector('textarea');
      if (textarea && comment.body != null) {
        textarea.defaultValue = comment.body;
      }
      actions.insertBefore(details, moderation || null);
    }
  }

  function markUpdated(article) {
    const meta = article.querySelector('.comment-meta');
    if (meta && !meta.querySelector('.live-updated')) {
      const mark = document.createElement('span');
      mark.className = 'live-updated';
      mark.textContent = data.textUpdated;
      meta.append(mark);
    }
  }

  /** Fills in the page's CSRF token, or removes the forms for readers who cannot use them. */
  function prepare(root) {
    if (!session.member || !csrf) {
      root.querySelectorAll('.comment-actions > details, .comment-actions > form').forEach((el) => el.remove());
      return;
    }
    root.querySelectorAll(`input[type="hidden"][name="${CSS.escape(csrf.name)}"]`).forEach((input) => {
      if (!input.value) {
        input.value = csrf.value;
      }
    });
  }

  function showTopicStatus(html) {
    const notice = fragment(html);
    if (!notice || !section) {
      return;
    }
    const current = section.querySelector('[data-topic-status]');
    if (current) {
      current.replaceWith(notice);
    } else {
      const heading = section.querySelector('h2');
      keepScroll(notice, () => heading.after(notice));
    }
    const locked = notice.classList.contains('notice-locked');
    document.querySelectorAll('article.topic').forEach((topic) => topic.classList.toggle('is-locked', locked));
    // Writing is refused while the topic is locked; disable the buttons but keep any typed text.
    document.querySelectorAll(WRITE_BUTTONS).forEach((button) => {
      button.disabled = locked;
    });
    status.say(notice.textContent.trim());
  }
}

// ---- The overview: counts and last activity of the topic cards ----------------------------------------------

function createOverviewPage(announcer) {
  const refresh = debounced(async () => {
    const response = await fetch(location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    if (!response.ok) {
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const fresh of doc.querySelectorAll('.topic-card[data-topic-id]')) {
      const card = document.querySelector(`.topic-card[data-topic-id="${fresh.dataset.topicId}"]`);
      const meta = card && card.querySelector('.meta');
      const freshMeta = fresh.querySelector('.meta');
      if (meta && freshMeta && meta.innerHTML !== freshMeta.innerHTML) {
        meta.replaceWith(document.importNode(freshMeta, true));
        card.classList.toggle('is-locked', fresh.classList.contains('is-locked'));
        highlight(card);
      }
    }
    const total = document.getElementById('discussion-count');
    const freshTotal = doc.getElementById('discussion-count');
    if (total && freshTotal) {
      total.textContent = freshTotal.textContent;
    }
  });
  return {
    apply(frame) {
      refresh();
      const comment = frame.data;
      if (frame.type === 'comment.created' && comment && comment.body != null && !comment.deleted) {
        announcer.add(comment.author ? comment.author.displayName : '');
      }
    },
  };
}

// ---- The session: noticing that it ended, and saying so ------------------------------------------------------

/**
 * What the page knows about the reader's session. It was rendered for a member or not; it learns that the session
 * ended from a 4401 close, a 401 from the server, or a failed check before a form is sent, and then shows a notice
 * with a login link that returns to this page, where the drafts are restored.
 */
function createSession(bar, status) {
  const data = bar.dataset;
  const notice = document.getElementById('session-notice');
  const renderedForMember = data.liveMember === 'true';
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const renewed = [];
  let member = renderedForMember;
  let shown = false;

  // Back in this tab after signing in again elsewhere: take the notice down and let the stream reconnect.
  document.addEventListener('visibilitychange', async () => {
    if (document.visibilityState !== 'visible' || !shown) {
      return;
    }
    const me = await whoAmI();
    if (me && String(me.id) === data.draftOwner) {
      shown = false;
      member = true;
      notice.hidden = true;
      notice.replaceChildren();
      renewed.forEach((listener) => listener());
    }
  });

  /** The signed-in account, false when nobody is signed in, null when the server could not be asked. */
  async function whoAmI() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SESSION_CHECK_TIMEOUT_MS);
    try {
      const response = await fetch('/api/me', {
        headers: API_HEADERS, cache: 'no-store', signal: controller.signal,
      });
      if (response.status === 401) {
        return false;
      }
      return response.ok ? await response.json() : null;
    } catch (e) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the server's answer names the account this page was rendered for (null: not asked, counts as yes). */
  function isOwner(me) {
    return me === null || (me !== false && String(me.id) === data.draftOwner);
  }

  /** Where to come back to after signing in: the topic page (never a form's address), or this page. */
  function returnPath() {
    if (topicId !== null) {
      const page = `/topics/${topicId}`;
      return location.pathname === page ? page + location.search : page;
    }
    return location.pathname + location.search;
  }

  function ended(focus) {
    if (!renderedForMember) {
      return;
    }
    member = false;
    shown = true;
    const link = document.createElement('a');
    link.href = `/login?next=${encodeURIComponent(returnPath())}`;
    link.textContent = data.textSessionLogin;
    // New content in the alert region is announced again, also when the reader tries to send a second time.
    notice.replaceChildren(data.textSessionEnded, ' ', link);
    notice.hidden = false;
    if (focus) {
      link.focus();
    }
  }

  return {
    get member() {
      return member;
    },
    /** The session ended; focus moves to the login link when the reader was just trying to send something. */
    ended,
    /** Asks the server whether the session still holds, after the connection dropped or a request got 401. */
    async verify() {
      if (member && !isOwner(await whoAmI())) {
        ended(false);
      }
    },
    /**
     * True when the page's own account is still signed in, false when nobody or someone else is (another person
     * signed in on this browser meanwhile: their cookie must not publish this page's draft), null when the server
     * could not be asked.
     */
    async signedIn() {
      const me = await whoAmI();
      return me === null ? null : isOwner(me);
    },
    onRenewed(listener) {
      renewed.push(listener);
    },
  };
}

// ---- Drafts: nothing typed into a comment form is lost ------------------------------------------------------

/**
 * Keeps what is typed into the comment, reply and edit forms of a topic page in localStorage, one draft per form
 * (per topic and parent comment, per comment for edits) and per account, so a shared device does not hand one
 * person's draft to the next. A draft is restored when the page is opened again and removed once the server has
 * confirmed the post by redirecting to the new or edited comment. Before a form is sent, the page checks that the
 * session still holds; if it ended, the draft stays and the reader is offered the login, which returns here.
 */
function createDrafts(bar, session, status) {
  const data = bar.dataset;
  const owner = data.draftOwner;
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const store = storage();
  if (!owner || topicId === null || !store) {
    return;
  }
  const prefix = `${DRAFT_PREFIX}${owner}.`;
  let announced = false;

  prune();
  confirmPublished();
  document.querySelectorAll('form').forEach(restore);
  document.addEventListener('input', (event) => keep(event.target.form, false));
  document.addEventListener('change', (event) => keep(event.target.form, false));
  document.addEventListener('submit', send);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      document.querySelectorAll('form[data-sending]').forEach((form) => delete form.dataset.sending);
    }
  });

  /** The draft's key for a comment, reply or edit form; null for every other form. */
  function keyOf(form) {
    if (!form || !form.elements || !form.elements.body || form.method.toLowerCase() !== 'post') {
      return null;
    }
    const action = new URL(form.getAttribute('action'), location.href).pathname;
    let match = /^\/topics\/(\d+)\/comments$/.exec(action);
    if (match) {
      const parent = form.elements.parentId ? form.elements.parentId.value : '';
      return `${prefix}topic.${match[1]}.${parent ? `reply.${parent}` : 'new'}`;
    }
    match = /^\/comments\/(\d+)\/edit$/.exec(action);
    return match ? `${prefix}comment.${match[1]}.edit` : null;
  }

  /** Saves the form's text (or forgets it when there is nothing to keep); sending marks it as on its way. */
  function keep(form, sending) {
    const key = keyOf(form);
    if (!key) {
      return;
    }
    const body = form.elements.body;
    const nothing = isEdit(key) ? body.value === body.defaultValue : body.value.trim() === '';
    if (nothing) {
      remove(key);
      return;
    }
    const draft = { text: body.value, saved: Date.now() };
    const question = form.elements.questionId;
    if (question && question.value) {
      draft.question = question.value;
    }
    if (sending) {
      draft.sent = Date.now();
    }
    write(key, draft);
  }

  function restore(form) {
    const key = keyOf(form);
    const draft = key ? read(key) : null;
    if (!draft) {
      return;
    }
    if (draft.sent) {
      // It was sent, but the server did not confirm it (refused, or the session had ended): a draft again.
      delete draft.sent;
      write(key, draft);
    }
    const body = form.elements.body;
    if (body.value === draft.text) {
      return;
    }
    if (!isEdit(key) && body.value.trim() !== '') {
      // The server showed a refused text again; that is what was sent last.
      keep(form, false);
      return;
    }
    body.value = draft.text;
    const question = form.elements.questionId;
    if (question && draft.question && !question.value
        && [...question.options].some((option) => option.value === draft.question)) {
      question.value = draft.question;
    }
    const details = form.closest('details');
    if (details) {
      details.open = true;
    }
    showNote(form, key);
  }

  function showNote(form, key) {
    const body = form.elements.body;
    const note = document.createElement('p');
    note.className = 'draft-note';
    note.id = `${body.id}-draft`;
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link-button';
    discard.textContent = data.textDraftDiscard;
    discard.addEventListener('click', () => {
      body.value = body.defaultValue;
      remove(key);
      note.remove();
      body.focus();
    });
    note.append(data.textDraftRestored, ' ', discard);
    body.before(note);
    body.setAttribute('aria-describedby', `${body.getAttribute('aria-describedby') || ''} ${note.id}`.trim());
    if (!announced) {
      announced = true;
      status.say(data.textDraftRestored);
    }
  }

  /**
   * The server answers a successful post with a redirect to the comment (/topics/T#cN): a draft sent a moment ago
   * whose form fits that comment (a new comment, a reply to its parent, or its edit) has arrived.
   */
  function confirmPublished() {
    const match = /^#c(\d+)$/.exec(location.hash);
    const li = match ? document.getElementById(`c${match[1]}`) : null;
    if (!li || location.pathname !== `/topics/${topicId}` || !li.classList.contains('is-mine')) {
      return;
    }
    const keys = [`${prefix}comment.${match[1]}.edit`, li.dataset.parentId
      ? `${prefix}topic.${topicId}.reply.${li.dataset.parentId}`
      : `${prefix}topic.${topicId}.new`];
    for (const key of keys) {
      const draft = read(key);
      if (draft && draft.sent && Date.now() - draft.sent < DRAFT_CONFIRM_WITHIN_MS) {
        remove(key);
      }
    }
  }

  /** Sends the form only while the session holds; otherwise keeps the draft and offers the login. */
  async function send(event) {
    const form = event.target;
    if (!keyOf(form) || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    if (form.dataset.sending) {
      return;
    }
    form.dataset.sending = 'true';
    keep(form, true);
    if (await session.signedIn() === false) {
      delete form.dataset.sending;
      keep(form, false);
      session.ended(true);
      return;
    }
    // Not asked again (no submit event): the form was checked before this handler ran.
    HTMLFormElement.prototype.submit.call(form);
  }

  /** Forgets drafts nobody came back to for a long time. */
  function prune() {
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      keys.push(store.key(i));
    }
    for (const key of keys.filter((k) => k && k.startsWith(DRAFT_PREFIX))) {
      const draft = read(key);
      if (!draft || !(Date.now() - draft.saved < DRAFT_MAX_AGE_MS)) {
        remove(key);
      }
    }
  }

  function isEdit(key) {
    return key.endsWith('.edit');
  }

  function read(key) {
    try {
      const draft = JSON.parse(store.getItem(key));
      return draft && typeof draft.text === 'string' ? draft : null;
    } catch (e) {
      return null;
    }
  }

  function write(key, draft) {
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (e) {
      // Storage full or blocked: the text is still in the form.
    }
  }

  function remove(key) {
    try {
      store.removeItem(key);
    } catch (e) {
      // Nothing to do.
    }
  }
}

/** localStorage when the browser lets the page use it (not in every private mode). */
function storage() {
  try {
    const store = window.localStorage;
    const probe = `${DRAFT_PREFIX}probe`;
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch (e) {
    return null;
  }
}

// ---- Screen reader announcements, batched -------------------------------------------------------------------

/** A polite live region for short status messages (a draft restored, the topic locked). */
function createStatus(region) {
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


function createAnnouncer(toggle, region, data) {
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

// ---- Helpers --------------------------------------------------------------------------------------------------

/** Puts values in for %1, %2, … of a text from the message bundle. */
function fill(text, ...values) {
  return text.replace(/%(\d)/g, (match, n) => values[Number(n) - 1] ?? match);
}

function fragment(html) {
  if (!html) {
    return null;
  }
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}

function csrfInput(name) {
  if (!name) {
    return null;
  }
  const input = [...document.querySelectorAll(`input[type="hidden"][name="${CSS.escape(name)}"]`)]
    .find((i) => i.value);
  return input ? { name, value: input.value } : null;
}

/** Whether replacing this element would take the reader's focus, an open form or typed text away. */
function isBusy(element) {
  const active = document.activeElement;
  if (active && active !== document.body && element.contains(active)) {
    return true;
  }
  return element.querySelector('details[open]') !== null || hasTypedText(element);
}

function hasTypedText(root) {
  return [...root.querySelectorAll('textarea, input[type="text"]')].some((f) => f.value !== f.defaultValue);
}

function highlight(element) {
  element.classList.add('live-new');
  setTimeout(() => element.classList.remove('live-new'), HIGHLIGHT_MS);
}

/**
 * Runs a DOM change without moving what the reader looks at: when the changed element lies above the top of the
 * viewport, the page scrolls by as much as the first element in view was pushed.
 */
function keepScroll(element, change) {
  const anchor = viewportAnchor();
  const before = anchor ? anchor.getBoundingClientRect().top : 0;
  change();
  if (!anchor || !anchor.isConnected || element.contains(anchor)) {
    return;
  }
  if (element.getBoundingClientRect().top >= 0) {
    return;
  }
  const delta = anchor.getBoundingClientRect().top - before;
  if (delta !== 0) {
    window.scrollBy(0, delta);
  }
}

/** The first element that starts inside the viewport, near its top. */
function viewportAnchor() {
  if (window.scrollY === 0) {
    return null;
  }
  const main = document.getElementById('main') || document.body;
  const x = Math.max(0, main.getBoundingClientRect().left) + 24;
  for (let y = 2; y < window.innerHeight; y += 24) {
    const element = document.elementFromPoint(x, y);
    if (element && element !== main && main.contains(element) && element.getBoundingClientRect().top >= 0) {
      return element;
    }
  }
  return null;
}

/** Runs task shortly after it is asked for, once for a whole burst of requests, and never twice at a time. */
function debounced(task) {
  let timer = 0;
  let running = false;
  let again = false;
  const run = async () => {
    timer = 0;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } catch (e) {
      // A failed refresh is retried with the next event.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (!timer) {
      timer = setTimeout(run, REFRESH_DELAY_MS + Math.random() * REFRESH_JITTER_MS);
    }
  };
  return schedule;
}
