// Signing out on purpose forgets this account's unsent drafts on this device, so the next person at a shared
// computer cannot read them. A session that ends by itself (elsewhere, or expired) keeps them: see live/drafts.js.
'use strict';

document.addEventListener('submit', (event) => {
  const owner = event.target.dataset ? event.target.dataset.forgetDrafts : null;
  if (!owner) {
    return;
  }
  try {
    const prefix = `thesenforum.draft.${owner}.`;
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(prefix)) {
        keys.push(key);
      }
    }
    keys.forEach((key) => localStorage.removeItem(key));
  } catch (e) {
    // Storage may be disabled; then there are no drafts to forget.
  }
});
