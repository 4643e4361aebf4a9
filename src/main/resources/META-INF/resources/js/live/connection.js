// The WebSocket to /live/{slug}: opening it, noticing that it went silent, retrying with backoff (handing over to the
// HTTP feed after a few failures), reconnecting at once after the session ended, and acknowledging applied frames.
//
// The connection counts as lost when nothing at all (not even a heartbeat) arrives for 2.5 heartbeat intervals. Close
// code 4401 means the reader's session was ended elsewhere: the page says so and reconnects as what the reader now is.

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30000;
const RETRY_JITTER = 0.3;
const STABLE_AFTER_MS = 10000;
const FAILURES_BEFORE_POLLING = 3;
const SESSION_ENDED = 4401;
const ACK_EVERY_MS = 1000;

/**
 * options: url() (the address with the current since), staleAfterMs, session, polling (see polling.js),
 * setState(state), isStopped(), receive(frame) (one parsed frame from the socket).
 */
export function createConnection(options) {
  const { session, polling, setState } = options;
  let socket = null;
  let attempt = 0;
  let failures = 0;
  let retryTimer = 0;
  let staleTimer = 0;
  const acks = createAcks(() => socket);

  function connect() {
    clearTimeout(retryTimer);
    if (options.isStopped()) {
      return;
    }
    let openedAt = 0;
    let ws;
    try {
      ws = new WebSocket(options.url());
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
      polling.stop();
      setState('live');
      watch(ws);
      acks.opened();
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) {
        return;
      }
      watch(ws);
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      options.receive(frame);
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
    }, options.staleAfterMs);
  }

  function failed(hadOpened, openedAt) {
    if (options.isStopped()) {
      return;
    }
    if (hadOpened && Date.now() - openedAt > STABLE_AFTER_MS) {
      attempt = 0;
    }
    if (!hadOpened) {
      failures++;
    }
    if (failures >= FAILURES_BEFORE_POLLING) {
      polling.start();
    }
    if (!polling.active()) {
      setState(hadOpened ? 'reconnecting' : 'offline');
    }
    const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
    attempt++;
    const delay = base * (1 + (Math.random() * 2 - 1) * RETRY_JITTER);
    retryTimer = setTimeout(connect, delay);
  }

  function close() {
    const ws = socket;
    socket = null;
    clearTimeout(staleTimer);
    if (ws) {
      ws.close();
    }
  }

  return {
    connect,
    close,
    /** Stops trying (the page goes away or needs a reload). */
    stop() {
      clearTimeout(retryTimer);
      close();
    },
    /** Frames went missing or the reader's rights changed: reconnect at once, asking for what came after. */
    resume(fresh) {
      if (fresh) {
        attempt = 0;
      }
      close();
      if (!polling.active()) {
        setState('reconnecting');
      }
      connect();
    },
    /** A frame up to this seq has been applied. */
    acknowledge: acks.acknowledge,
    /** The server answered with an error frame. */
    refused: acks.refused,
  };
}

/**
 * Tells the server how far the page has applied the log: {"type":"ack","seq":N}, right after (re)connecting and then
 * at most once a second. A server that does not know acks answers with an error frame; the page then stops sending
 * them on that connection (it sends nothing else that could be refused).
 */
function createAcks(currentSocket) {
  let seq = 0;
  let sent = 0;
  let sentAt = 0;
  let timer = 0;
  let unsupported = false;
  let sentOnThis = false;

  function send() {
    timer = 0;
    const ws = currentSocket();
    if (!ws || ws.readyState !== WebSocket.OPEN || unsupported || seq <= sent) {
      return;
    }
    try {
      ws.send(JSON.stringify({ type: 'ack', seq }));
    } catch (e) {
      return;
    }
    sent = seq;
    sentAt = Date.now();
    sentOnThis = true;
  }

  function schedule() {
    if (!timer) {
      timer = setTimeout(send, Math.max(0, sentAt + ACK_EVERY_MS - Date.now()));
    }
  }

  return {
    opened() {
      unsupported = false;
      sentOnThis = false;
      sent = 0;
      sentAt = 0;
      clearTimeout(timer);
      timer = 0;
      if (seq > 0) {
        send();
      }
    },
    acknowledge(n) {
      if (n > seq) {
        seq = n;
      }
      schedule();
    },
    refused() {
      if (sentOnThis) {
        unsupported = true;
      }
    },
  };
}
