// The countdown of the item now being discussed. The server sets data-ends-at (the planned end of the running item)
// and data-server-time (when it rendered the markup), both in milliseconds, on #beamer-agenda from the meeting's read
// API; the clock offset is the server's time minus the browser's when that markup arrived, so a projector whose
// clock is wrong still counts down to the same second as everybody else. Past the end it counts up with a minus.

export function createCountdown() {
  let offset = 0;
  let endsAt = null;
  let timer = 0;

  function arrivalOfPage() {
    const navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    return navigation ? performance.timeOrigin + navigation.responseStart : Date.now();
  }

  function read(arrivedAt) {
    const agenda = document.getElementById('beamer-agenda');
    const server = agenda ? Number(agenda.dataset.serverTime) : NaN;
    offset = Number.isFinite(server) && server > 0 ? server - arrivedAt : 0;
    endsAt = agenda && agenda.dataset.endsAt ? Number(agenda.dataset.endsAt) : null;
    tick();
  }

  function tick() {
    clearTimeout(timer);
    const element = document.getElementById('beamer-countdown');
    if (!element || endsAt === null) {
      return;
    }
    const left = Math.round((endsAt - (Date.now() + offset)) / 1000);
    const abs = Math.abs(left);
    const text = `${left < 0 ? '-' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    if (element.textContent !== text) {
      element.textContent = text;
    }
    element.parentElement.classList.toggle('is-over', left < 0);
    element.parentElement.classList.toggle('is-ending', left >= 0 && left <= 60);
    timer = setTimeout(tick, 1000 - ((Date.now() + offset) % 1000) + 5);
  }

  read(arrivalOfPage());
  return {
    /** The agenda's markup was swapped in; arrivedAt is when its response arrived. */
    refreshed(arrivedAt) {
      read(arrivedAt);
    },
  };
}
