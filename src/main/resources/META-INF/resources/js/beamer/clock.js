// The clock in the projector view's corner: hours and minutes in Berlin, as the forum shows every time.

export function startClock(element) {
  if (!element) {
    return;
  }
  const format = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
  const tick = () => {
    const text = format.format(new Date());
    if (element.textContent !== text) {
      element.textContent = text;
    }
    // Wake up at the next full second, so the minute turns on time.
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  };
  tick();
}
