// The HTTP feed /api/discussions/{slug}/changes, polled while the WebSocket cannot be opened.

import { API_HEADERS } from './util.js';

const POLL_EVERY_MS = 5000;
const POLL_LIMIT = 100;

/**
 * options: slug, session, since() (the last applied seq), receive(frame) (false: stop handing over frames),
 * setState(state), state() (the indicator's current state), isStopped().
 */
export function createPolling(options) {
  let generation = 0; // of the running poll loop; 0 = not polling
  let timer = 0;

  /** The indicator promises updates every few seconds only while a poll has just worked. */
  async function poll(current) {
    let worked = false;
    try {
      let more = true;
      while (more && generation === current) {
        const url = `/api/discussions/${encodeURIComponent(options.slug)}/changes?since=${options.since()}`
          + `&limit=${POLL_LIMIT}`;
        const response = await fetch(url, { headers: API_HEADERS, cache: 'no-store' });
        if (response.status === 401) {
          options.session.verify();
        }
        if (!response.ok || generation !== current) {
          worked = false;
          break;
        }
        worked = true;
        const frames = await response.json();
        for (const frame of frames) {
          if (generation !== current || !options.receive(frame)) {
            break;
          }
        }
        more = frames.length >= POLL_LIMIT;
      }
    } catch (e) {
      // The network is down too: try again at the next interval.
      worked = false;
    }
    if (generation === current && !options.isStopped()) {
      if (options.state() !== 'stale') {
        options.setState(worked ? 'polling' : 'offline');
      }
      timer = setTimeout(() => poll(current), POLL_EVERY_MS);
    }
  }

  return {
    start() {
      if (generation || options.isStopped()) {
        return;
      }
      generation = Date.now();
      poll(generation);
    },
    stop() {
      generation = 0;
      clearTimeout(timer);
    },
    active() {
      return generation !== 0;
    },
  };
}
