// Live updates for the discussion overview and the topic page.
//
// The page says where it stands (data-live-seq, the log position it was rendered at); the script asks the
// server for everything after it over the WebSocket /live/{slug}, applies each log frame exactly once and in
// order, and resumes from the last seen seq after any interruption. When the socket cannot be opened, the HTTP
// feed /api/discussions/{slug}/events is polled instead while the socket keeps being retried. Every visible text
// comes from data-text-* attributes, which the server renders from the message bundle.

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
const WRITE_BUTTONS = '#new-comment button[type="submit"], .thread form[action$="/comments"] button[type="submit"], '
  + '.thread form[action$="/edit"] button[type="submit"]';

const bar = document.getElementById('live');
if (bar && 'WebSocket' in window && 'fetch' in window) {
  start(bar);
}

function start(bar) {
  const data = bar.dataset;
  const slug = data.liveSlug;
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const texts = {
    connecting: data.textConnecting,
    live: data.textLive,
    reconnecting: data.textReconnecting,
    offline: data.textOffline,
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
    : createTopicPage(topicId, data, announcer);

  let lastSeq = Number(data.liveSeq) || 0;
  let socket = null;
  let attempt = 0;
  let failures = 0;
  let retryTimer = 0;
  let polling = 0; // generation of the running poll loop; 0 = not polling
  let pollTimer = 0;
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
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(frame, true);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      failed(openedAt > 0, openedAt);
    });
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
    } else if (!polling) {
      setState('reconnecting');
    }
    const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
    attempt++;
    const delay = base * (1 + (Math.random() * 2 - 1) * RETRY_JITTER);
    retryTimer = setTimeout(connect, delay);
  }

  function closeSocket() {
    const ws = socket;
    socket = null;
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
    setState('offline');
    poll(polling);
  }

  function stopPolling() {
    polling = 0;
    clearTimeout(pollTimer);
  }

  async function poll(generation) {
    try {
      let more = true;
      while (more && polling === generation) {
        const url = `/api/discussions/${encodeURIComponent(slug)}/events?since=${lastSeq}&limit=${POLL_LIMIT}`;
        const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
        if (!response.ok || polling !== generation) {
          break;
        }
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
    }
    if (polling === generation && !stopped) {
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
    return true;
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

function createTopicPage(topicId, data, announcer) {
  const thread = document.querySelector('ol.thread');
  const count = document.getElementById('thread-count');
  const section = thread ? thread.closest('section') : null;
  const member = data.liveMember === 'true';
  const filter = data.liveFilter ? Number(data.liveFilter) : null;
  const csrf = csrfInput(data.csrfName);
  const pending = new Map();
  const refreshCount = debounced(async () => {
    const response = await fetch(`/api/topics/${topicId}`, { headers: { Accept: 'application/json' } });
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
    if (!member || !csrf) {
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

// ---- Screen reader announcements, batched -------------------------------------------------------------------

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
