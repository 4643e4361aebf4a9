// The bell in the page header: the live stream of a page (topic, overview, demands) hands over the frames meant
// for this person only ("notification", "notification.read") as live:notice events; the count follows them. A
// frame whose seq skips one means a notification was missed (a reconnect): the count is fetched again.
(function () {
  'use strict';
  const bell = document.getElementById('notification-bell');
  const count = document.getElementById('notification-count');
  if (!bell || !count) {
    return;
  }
  let latest = Number(bell.dataset.seq) || 0;

  function show(unread) {
    count.textContent = String(unread);
    bell.classList.toggle('has-unread', unread > 0);
  }

  async function refetch() {
    try {
      const response = await fetch('/api/me/notifications?limit=1', {
        credentials: 'same-origin', headers: { Accept: 'application/json' }
      });
      if (response.ok) {
        const page = await response.json();
        latest = Math.max(latest, page.latestSeq);
        show(page.unread);
      }
    } catch (e) {
      // Offline: the next frame or page load brings the count.
    }
  }

  document.addEventListener('live:notice', (event) => {
    const frame = event.detail || {};
    const data = frame.data || {};
    if (frame.type === 'notification' && typeof data.seq === 'number') {
      if (data.seq > latest + 1) {
        latest = data.seq;
        refetch();
        return;
      }
      latest = Math.max(latest, data.seq);
      show(data.unread);
    } else if (frame.type === 'notification.read' && typeof data.unread === 'number') {
      show(data.unread);
    }
  });
})();
