// The demands page. Its board depends on the reader (own support and position, rights, sort and filter), so a
// demand frame does not patch it: the page fetches itself again (once for a burst of frames) and swaps the board,
// keeping every card the reader is working in (focus, typed text, an open form) until they leave it. Moderators
// also get drag and drop for the joint demands, saved through the JSON API with the list's revision.

import { API_HEADERS, hasTypedText } from './util.js';
import { highlight } from './scroll.js';

const REFRESH_DELAY_MS = 300;
const REFRESH_JITTER_MS = 700;
const STALE_CHECK_MS = 1500;

export function createDemandsPage(root, status) {
  const data = document.getElementById('live').dataset;
  let timer = 0;
  let running = false;
  let waiting = false;
  // Cards kept while the reader worked in them, which the fresh board showed changed: refreshed once they leave them
  // (on focusout or a closed <details>, and checked every few seconds, as focus events do not always come).
  let stale = new Set();
  let staleCheck = 0;
  const pageUrl = (root && root.dataset.pageUrl) || location.pathname;
  if (location.pathname !== new URL(pageUrl, location.href).pathname) {
    // A refused form was answered at the form's address: reloading must not send it again.
    history.replaceState(null, '', pageUrl + location.hash);
  }

  if (root && root.classList.contains('is-moderator')) {
    enableDragAndDrop();
  }
  const again = () => {
    if (waiting || stale.size) {
      setTimeout(() => schedule(0), 0);
    }
  };
  document.addEventListener('focusout', again);
  document.addEventListener('toggle', again, true);

  function schedule(delay) {
    if (!timer) {
      timer = setTimeout(refresh, delay ?? REFRESH_DELAY_MS + Math.random() * REFRESH_JITTER_MS);
    }
  }

  function isBusy(card) {
    return card.contains(document.activeElement) || hasTypedText(card)
      || card.querySelector('details[open]') !== null || card.classList.contains('is-dragging');
  }

  async function refresh() {
    timer = 0;
    if (running) {
      schedule();
      return;
    }
    running = true;
    try {
      const response = await fetch(pageUrl, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = doc.getElementById('demand-board');
      const board = document.getElementById('demand-board');
      if (!fresh || !board) {
        return;
      }
      swap(board, document.importNode(fresh, true));
    } catch (e) {
      // A failed refresh is tried again with the next frame.
    } finally {
      running = false;
    }
  }

  /** Puts the fresh board in, with the cards the reader works in carried over; waits if one would vanish. */
  function swap(board, fresh) {
    const busy = [...board.querySelectorAll('.demand-card')].filter(isBusy);
    for (const card of busy) {
      const slot = fresh.querySelector(`#${card.id}`);
      if (!slot) {
        waiting = true;
        mark(card);
        stale.add(card.id);
        watchStale();
        return;
      }
    }
    waiting = false;
    stale = new Set();
    const before = new Map([...board.querySelectorAll('.demand-card')].map((c) => [c.id, normalized(c)]));
    for (const card of busy) {
      const slot = fresh.querySelector(`#${card.id}`);
      if (normalized(slot) !== normalized(card)) {
        mark(card);
        stale.add(card.id);
      }
      slot.replaceWith(card);
    }
    if (stale.size) {
      watchStale();
    }
    board.replaceWith(fresh);
    if (root.classList.contains('is-moderator')) {
      prepareDrag();
    }
    for (const card of fresh.querySelectorAll('.demand-card')) {
      if (!busy.includes(card) && before.get(card.id) !== normalized(card)) {
        highlight(card);
      }
    }
  }

  function watchStale() {
    clearTimeout(staleCheck);
    staleCheck = setTimeout(() => {
      const cards = [...stale].map((id) => document.getElementById(id)).filter((card) => card);
      if (cards.some(isBusy)) {
        watchStale();
      } else if (stale.size) {
        schedule(0);
      }
    }, STALE_CHECK_MS);
  }

  /** A card's markup without what the page adds to it (marks, highlight, dragging), to compare with the server's. */
  function normalized(card) {
    const copy = card.cloneNode(true);
    copy.querySelectorAll('.live-updated, .draft-note').forEach((note) => note.remove());
    copy.classList.remove('live-new', 'is-dragging');
    copy.removeAttribute('draggable');
    return copy.outerHTML;
  }

  function mark(card) {
    const slot = card.querySelector('[data-live-mark]');
    if (slot && !slot.querySelector('.live-updated')) {
      const note = document.createElement('span');
      note.className = 'live-updated';
      note.textContent = data.textUpdated;
      slot.append(note);
    }
  }

  function list() {
    return document.getElementById('demands-pinned');
  }

  function prepareDrag() {
    const pinned = list();
    if (!pinned) {
      return;
    }
    const hint = document.querySelector('.drag-hint');
    if (hint) {
      hint.hidden = false;
    }
    pinned.querySelectorAll('.demand-card').forEach((card) => { card.draggable = true; });
  }

  function enableDragAndDrop() {
    prepareDrag();
    let dragged = null;
    // Selecting text in a card's fields must not start a drag of the card.
    document.addEventListener('pointerdown', (event) => {
      const card = event.target.closest && event.target.closest('#demands-pinned > .demand-card');
      if (card) {
        card.draggable = !event.target.closest('input, textarea, select, button, summary, a, label');
      }
    });
    document.addEventListener('dragstart', (event) => {
      const card = event.target.closest && event.target.closest('#demands-pinned > .demand-card');
      if (!card) {
        return;
      }
      dragged = card;
      card.classList.add('is-dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.dataset.demandId);
    });
    document.addEventListener('dragover', (event) => {
      if (!dragged || !list().contains(event.target)) {
        return;
      }
      event.preventDefault();
      const over = event.target.closest('.demand-card');
      if (over && over !== dragged) {
        const box = over.getBoundingClientRect();
        over.parentNode.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
      }
    });
    document.addEventListener('drop', (event) => {
      if (dragged && list().contains(event.target)) {
        event.preventDefault();
      }
    });
    document.addEventListener('dragend', () => {
      if (!dragged) {
        return;
      }
      const card = dragged;
      dragged = null;
      card.classList.remove('is-dragging');
      saveOrder();
    });
  }

  /** Saves the order on the page; a list changed meanwhile (409) or any other refusal reloads the board. */
  async function saveOrder() {
    const pinned = list();
    const order = [...pinned.querySelectorAll(':scope > .demand-card')].map((c) => Number(c.dataset.demandId));
    const slug = root.dataset.slug;
    try {
      const response = await fetch(`/api/discussions/${encodeURIComponent(slug)}/pinned`, {
        method: 'PUT',
        headers: { ...API_HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ order, revision: Number(pinned.dataset.revision) }),
      });
      if (response.ok) {
        const saved = await response.json();
        pinned.dataset.revision = String(saved.revision);
      } else {
        status.say(root.dataset.textOrderFailed || '');
      }
    } catch (e) {
      status.say(root.dataset.textOrderFailed || '');
    }
    schedule(0);
  }

  return {
    apply(frame) {
      // A discussion closed or reopened shows or hides the writing forms of the whole page.
      if (typeof frame.type === 'string' && /^(demand|discussion)\./.test(frame.type)) {
        schedule();
      }
      return true;
    },
    hasTypedText: () => hasTypedText(document),
  };
}
