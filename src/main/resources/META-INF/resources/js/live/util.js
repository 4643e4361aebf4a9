// Small helpers shared by the live modules.

const REFRESH_DELAY_MS = 1000;
// Spread refetches of a busy room's phones and laptops over a few seconds instead of one burst.
const REFRESH_JITTER_MS = 2000;

/** Marks the page's own requests, so a 401 carries no Basic challenge (which browsers answer with a password dialog). */
export const API_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

/** Puts values in for %1, %2, … of a text from the message bundle. */
export function fill(text, ...values) {
  return text.replace(/%(\d)/g, (match, n) => values[Number(n) - 1] ?? match);
}

/** The first element of an HTML fragment, or null. */
export function fragment(html) {
  if (!html) {
    return null;
  }
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}

/** Whether fields under root hold text the reader typed (differing from what the page brought). */
export function hasTypedText(root) {
  return [...root.querySelectorAll('textarea, input[type="text"], input:not([type])')]
    .some((f) => f.value !== f.defaultValue);
}

/** localStorage when the browser lets the page use it (not in every private mode). */
export function storage() {
  try {
    const store = window.localStorage;
    const probe = 'thesenforum.probe';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch (e) {
    return null;
  }
}

/** Runs task shortly after it is asked for, once for a whole burst of requests, and never twice at a time. */
export function debounced(task) {
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
