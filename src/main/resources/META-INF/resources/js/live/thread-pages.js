// Long threads come in pages of top-level threads (/topics/{id}?nach={comment}). "Weitere Beiträge laden" is a plain
// link to the next page; here it fetches that page and appends its threads to this one instead, taking over the
// next page's link (or dropping it on the last page). A link to a comment that is not on this page
// (/topics/{id}#c{comment} from elsewhere) goes through the comment's own address, which knows its page.

export function createThreadPages(topicId) {
  const thread = document.getElementById(`thread-${topicId}`);
  const target = /^#c(\d+)$/.exec(location.hash);
  if (thread && thread.hasAttribute('data-paged') && target && !document.getElementById(`c${target[1]}`)) {
    location.replace(`/comments/${target[1]}`);
  }
  document.addEventListener('click', async (event) => {
    const link = event.target.closest('a[data-more-threads]');
    if (!link || !thread || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') {
      return;
    }
    link.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(link.href, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = doc.getElementById(`thread-${topicId}`);
      if (!fresh) {
        throw new Error('no thread');
      }
      const added = [];
      for (const item of [...fresh.children]) {
        if (!document.getElementById(item.id)) {
          const node = document.importNode(item, true);
          thread.append(node);
          added.push(node);
        }
      }
      const nav = link.closest('nav');
      const freshNav = doc.getElementById('thread-more');
      if (freshNav) {
        nav.replaceWith(document.importNode(freshNav, true));
      } else {
        nav.remove();
      }
      if (added.length) {
        const first = added[0].querySelector('a.permalink');
        if (first) {
          first.focus({ preventScroll: true });
        }
      }
    } catch (e) {
      location.href = link.href;
    }
  });
}
