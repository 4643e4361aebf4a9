// Changing the page without moving what the reader looks at, and showing what is new.

const HIGHLIGHT_MS = 4000;

/** Marks new content for a few seconds (forum.css animates it, or outlines it when motion is reduced). */
export function highlight(element) {
  element.classList.add('live-new');
  setTimeout(() => element.classList.remove('live-new'), HIGHLIGHT_MS);
}

/**
 * Runs a DOM change without moving what the reader looks at: when the changed element (as it is after the change)
 * lies above the top of the viewport, the page scrolls by as much as the first element in view was pushed.
 */
export function keepScroll(element, change) {
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
