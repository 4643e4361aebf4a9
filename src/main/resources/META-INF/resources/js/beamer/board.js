// The projector view follows the live stream. Presence frames go straight to the head line (stream.js). The item
// under discussion, the comment stream and the joint demands show what the frames do not carry on their own (the
// focus with its topic text or demand wording and the countdown's end, the newest visible comments across all topics
// with their topic, the joint demands in rank order with their indicator, the number of proposals), so a frame of
// that kind makes the view fetch that part of itself again (/discussions/{slug}/beamer/<part>, the same template)
// and swap it in; new entries are highlighted. A part whose fetch fails (the network dropped) is fetched
// again until it arrives; the stream itself resumes with `since` and replays what was missed.

// A demand frame refreshes the item under discussion too: its wording may be the one the room is reading.
const PARTS = { meeting: ['punkt'], comment: ['kommentare'], demand: ['forderungen', 'punkt'] };
const ELEMENTS = { punkt: 'beamer-agenda', kommentare: 'beamer-comments', forderungen: 'beamer-demands' };
const DELAY_MS = 150;
const RETRY_MS = 3000;

export function createBoard(screen) {
  const base = `/discussions/${encodeURIComponent(screen.dataset.slug)}/beamer/`;
  const pending = new Set();
  let timer = 0;
  let running = false;

  function schedule(delay) {
    if (!timer) {
      timer = setTimeout(run, delay);
    }
  }

  async function run() {
    timer = 0;
    if (running) {
      schedule(DELAY_MS);
      return;
    }
    running = true;
    const parts = [...pending];
    pending.clear();
    try {
      for (const part of parts) {
        if (!(await refresh(part))) {
          pending.add(part);
        }
      }
    } finally {
      running = false;
      if (pending.size) {
        schedule(RETRY_MS);
      }
    }
  }

  /** Fetches one part and swaps it in; false when it should be tried again. */
  async function refresh(part) {
    let response;
    try {
      response = await fetch(base + part, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    } catch (e) {
      return false;
    }
    if (!response.ok) {
      // A 404 means the discussion is gone: nothing to retry. Anything else (proxy, restart) is tried again.
      return response.status === 404;
    }
    const template = document.createElement('template');
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.getElementById(ELEMENTS[part]);
    const current = document.getElementById(ELEMENTS[part]);
    if (!fresh || !current) {
      return true;
    }
    if (fresh.outerHTML !== current.outerHTML) {
      const known = new Set([...current.querySelectorAll('[data-key]')].map((e) => e.dataset.key));
      for (const entry of fresh.querySelectorAll('[data-key]')) {
        if (!known.has(entry.dataset.key)) {
          entry.classList.add('is-new');
        }
      }
      current.replaceWith(fresh);
    }
    return true;
  }

  return {
    /** Hands a frame to the parts that show its kind; a frame of another kind leaves the view alone. */
    apply(frame) {
      const kind = String(frame.type || '').split('.')[0];
      const parts = PARTS[kind];
      if (parts) {
        parts.forEach((part) => pending.add(part));
        schedule(DELAY_MS);
      }
      return true;
    },
    /** The projector has nothing typed: when the log no longer reaches back, the view reloads. */
    hasTypedText: () => false,
  };
}
