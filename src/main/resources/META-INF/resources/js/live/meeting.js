// The meeting's time keeping, shared by the banner, the moderators' meeting page and the projector view: one
// countdown that reads the same on every device, because each device corrects for the offset between its clock and
// the server's (measured from the server time of the meeting API against the request's round trip).
//
// For the projector: mountMeeting(element, slug) renders the item now being discussed and its countdown into
// element (its children [data-meeting-heading] and [data-meeting-countdown] are used, or created) and follows the
// live stream's meeting frames (DOM events 'live:frame', see stream.js).

import { API_HEADERS, fill } from './util.js';

const TICK_MS = 1000;
const measured = new Map();
let ticking = 0;
let currentOffset = 0;

/** The meeting as the API returns it, with this device's clock offset: { meeting, offset } (offset in ms). */
export async function fetchMeeting(slug) {
  const sent = Date.now();
  const response = await fetch(`/api/discussions/${encodeURIComponent(slug)}/meeting`, {
    headers: API_HEADERS, cache: 'no-store',
  });
  const received = Date.now();
  if (!response.ok) {
    throw new Error(`meeting: ${response.status}`);
  }
  const meeting = await response.json();
  // The server made the view about half way through the round trip.
  const offset = Date.parse(meeting.serverTime) - (sent + received) / 2;
  const best = measured.get(slug);
  const roundTrip = received - sent;
  if (!best || roundTrip < best.roundTrip) {
    measured.set(slug, { offset, roundTrip });
  }
  currentOffset = measured.get(slug).offset;
  return { meeting, offset: currentOffset };
}

/** Server clock minus this device's clock in ms, measured once per page (0 when the server cannot be asked). */
export async function clockOffset(slug) {
  if (!measured.has(slug)) {
    try {
      await fetchMeeting(slug);
    } catch (e) {
      return 0;
    }
  }
  return measured.get(slug).offset;
}

/** "4:05" or "1:02:03" for a number of milliseconds (rounded towards the full seconds left). */
export function formatDuration(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Milliseconds until endsAt (ISO time) on the server's clock; negative once over. */
export function remaining(endsAt, offset, now = Date.now()) {
  return Date.parse(endsAt) - (now + offset);
}

/**
 * Keeps every [data-meeting-ends-at] element of the page counting down, with the texts of its data-text-left and
 * data-text-over ("noch %1", "Zeit um seit %1"; from the element or its nearest ancestor that has them).
 */
export function startCountdowns(offset) {
  currentOffset = offset;
  tick();
  if (!ticking) {
    ticking = setInterval(tick, TICK_MS);
  }
}

function tick() {
  for (const element of document.querySelectorAll('[data-meeting-ends-at]')) {
    const left = remaining(element.dataset.meetingEndsAt, currentOffset);
    const texts = element.closest('[data-text-left]')?.dataset || {};
    const over = left < 0;
    const text = fill((over ? texts.textOver : texts.textLeft) || '%1', formatDuration(Math.abs(left)));
    if (element.textContent !== text) {
      element.textContent = text;
    }
    element.classList.toggle('is-over', over);
  }
}

/** "These 3 — Title", or the title alone for a free item; '' for none. */
export function headingOf(item) {
  if (!item) {
    return '';
  }
  return item.label ? `${item.label} — ${item.title}` : item.title;
}

/**
 * Renders the item now being discussed and its countdown into element and keeps them current from the live
 * stream's meeting frames. Returns { update(data), stop() }; update takes a meeting view or a focus frame's data.
 */
export function mountMeeting(element, slug) {
  const heading = child(element, 'data-meeting-heading', 'p');
  const countdown = child(element, 'data-meeting-countdown', 'p');
  const update = (data) => {
    const focus = data ? data.focus : null;
    heading.textContent = headingOf(focus);
    element.dataset.meetingFocus = focus ? String(focus.id) : '';
    if (focus && focus.endsAt) {
      countdown.dataset.meetingEndsAt = focus.endsAt;
      countdown.hidden = false;
    } else {
      delete countdown.dataset.meetingEndsAt;
      countdown.textContent = '';
      countdown.hidden = true;
    }
    tick();
  };
  const onFrame = (event) => {
    const frame = event.detail;
    if (frame && /^meeting\./.test(String(frame.type)) && frame.data) {
      update(frame.data);
    }
  };
  document.addEventListener('live:frame', onFrame);
  fetchMeeting(slug).then(({ meeting, offset }) => {
    update(meeting);
    startCountdowns(offset);
  }).catch(() => {});
  return {
    update,
    stop: () => document.removeEventListener('live:frame', onFrame),
  };
}

function child(element, attribute, tag) {
  let found = element.querySelector(`[${attribute}]`);
  if (!found) {
    found = document.createElement(tag);
    found.setAttribute(attribute, '');
    element.append(found);
  }
  return found;
}
