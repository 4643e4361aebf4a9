// The discussion overview: any change refreshes the counts and last activity of the topic cards (fetched once for
// a burst of changes) and new comments are announced.

import { debounced, hasTypedText } from './util.js';
import { highlight } from './scroll.js';

export function createOverviewPage(announcer) {
  const refresh = debounced(async () => {
    const response = await fetch(location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    if (!response.ok) {
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const fresh of doc.querySelectorAll('.topic-card[data-topic-id]')) {
      const card = document.querySelector(`.topic-card[data-topic-id="${fresh.dataset.topicId}"]`);
      const meta = card && card.querySelector('.meta');
      const freshMeta = fresh.querySelector('.meta');
      if (meta && freshMeta && meta.innerHTML !== freshMeta.innerHTML) {
        meta.replaceWith(document.importNode(freshMeta, true));
        card.classList.toggle('is-locked', fresh.classList.contains('is-locked'));
        highlight(card);
      }
    }
    // Blocks other features add to the overview (docs/architecture.md, outlets) that follow the stream.
    for (const fresh of doc.querySelectorAll('[data-live-refresh][id]')) {
      const block = document.getElementById(fresh.id);
      if (block && block.innerHTML !== fresh.innerHTML && !block.contains(document.activeElement)) {
        block.replaceWith(document.importNode(fresh, true));
      }
    }
    const total = document.getElementById('discussion-count');
    const freshTotal = doc.getElementById('discussion-count');
    if (total && freshTotal) {
      total.textContent = freshTotal.textContent;
    }
  });
  return {
    apply(frame) {
      refresh();
      const comment = frame.data;
      if (frame.type === 'comment.created' && comment && comment.body != null && !comment.deleted) {
        announcer.add(comment.author ? comment.author.displayName : '');
      }
      return true;
    },
    hasTypedText: () => hasTypedText(document),
  };
}
