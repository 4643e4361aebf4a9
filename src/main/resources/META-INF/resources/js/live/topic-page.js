// The topic page: frames of this topic go through the generic fragment routine; the page adds its CSRF token and
// the reader's own controls to pushed markup, keeps the comment count, announces new comments and follows the
// topic's state (writing is disabled while it is locked, and possible again without a reload once it is unlocked).

import { API_HEADERS, debounced, hasTypedText } from './util.js';
import { createFragments } from './fragments.js';
import { placeOf } from './frame-targets.js';

export function createTopicPage(topicId, data, announcer, session, status) {
  const root = document.getElementById('topic-page') || document.body;
  const thread = document.getElementById(`thread-${topicId}`);
  const count = document.getElementById('thread-count');
  const filter = data.liveFilter || null;
  const owner = data.draftOwner;
  const csrf = csrfInput(data.csrfName);
  const refreshCount = debounced(async () => {
    const response = await fetch(`/api/topics/${topicId}`, { headers: API_HEADERS });
    if (response.ok) {
      showCount((await response.json()).commentCount);
    }
  });
  // What other features add to the page (docs/architecture.md, outlets): the blocks between the topic and its
  // thread and the notes under comments, fetched again once for a burst of their frames.
  const refreshOutlets = debounced(async () => {
    const page = `/topics/${topicId}`;
    const response = await fetch(location.pathname === page ? page + location.search : page, {
      headers: { Accept: 'text/html' }, cache: 'no-store',
    });
    if (!response.ok) {
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const sections = document.getElementById('topic-sections');
    const freshSections = doc.getElementById('topic-sections');
    if (sections && freshSections && sections.innerHTML !== freshSections.innerHTML
        && !sections.contains(document.activeElement)) {
      sections.replaceWith(document.importNode(freshSections, true));
    }
    for (const fresh of doc.querySelectorAll('.comment-notes[id]')) {
      const notes = document.getElementById(fresh.id);
      if (notes && notes.innerHTML !== fresh.innerHTML) {
        notes.innerHTML = fresh.innerHTML;
      }
    }
  });
  const fragments = createFragments({
    prepare,
    accept,
    // A page of a long thread shows only some threads: changes of others find no place here, as with a filter.
    partial: filter !== null || (thread !== null && thread.hasAttribute('data-paged')),
    changed,
    updatedText: data.textUpdated,
    say: (text) => status.say(text),
  });

  // Signed out meanwhile: the controls for members disappear (forum.css), the forms keep what was typed.
  session.onEnded(() => root.classList.remove('is-member'));
  session.onRenewed(() => root.classList.add('is-member'));

  return {
    /** Applies a frame of this topic; false when the page no longer matches the log. */
    apply(frame) {
      if (frame.topicId !== topicId || !thread) {
        if (!/^(comment|topic)\./.test(String(frame.type)) && concernsThisPage(frame.data)) {
          // Another feature's change (a demand): its blocks on this page come from the server's outlets.
          refreshOutlets();
        }
        return true;
      }
      const fits = fragments.apply(frame, placeOf(frame));
      if (frame.data && typeof frame.data.commentCount === 'number') {
        showCount(frame.data.commentCount);
      } else if (String(frame.type).startsWith('comment.')) {
        refreshCount();
      }
      return fits;
    },
    hasTypedText: () => hasTypedText(document),
    retry: fragments.retry,
  };

  /**
   * Whether another feature's entity shows on this page: it names this topic among its topicIds, or a comment on
   * the page as its originCommentId (the convention of entities that belong to topics; docs/architecture.md).
   */
  function concernsThisPage(entity) {
    if (!entity || typeof entity !== 'object') {
      return false;
    }
    return (Array.isArray(entity.topicIds) && entity.topicIds.includes(topicId))
      || (entity.originCommentId != null && document.getElementById(`c${entity.originCommentId}`) !== null);
  }

  function showCount(n) {
    if (count && typeof n === 'number') {
      count.textContent = `(${n})`;
    }
  }

  /**
   * Pushed markup is the same for a whole audience: fills in the page's CSRF token (or drops the forms for readers
   * who cannot use them) and marks the reader's own comments, whose author controls forum.css then shows.
   */
  function prepare(fresh) {
    if (!session.member || !csrf) {
      fresh.querySelectorAll('form').forEach((form) => form.remove());
    } else {
      fresh.querySelectorAll(`input[type="hidden"][name="${CSS.escape(csrf.name)}"]`).forEach((input) => {
        if (!input.value) {
          input.value = csrf.value;
        }
      });
    }
    const authored = [fresh, ...fresh.querySelectorAll('[data-author-id]')].filter((el) => el.dataset.authorId);
    for (const element of authored) {
      element.classList.toggle('is-mine', session.member && !!owner && element.dataset.authorId === owner);
    }
  }

  /** With a question filter, the page shows only new comments on that question; new threads only on the last page. */
  function accept(fresh) {
    if (fresh.matches('[data-comment-id]') && !fresh.dataset.parentId && document.getElementById('thread-more')) {
      // New threads belong to the last page: one that ends with "Weitere Beiträge laden" does not show them.
      return false;
    }
    return filter === null || !fresh.matches('[data-comment-id]') || fresh.dataset.questionId === filter;
  }

  function changed(element, inserted) {
    if (inserted && element.matches('[data-comment-id]')) {
      const name = element.querySelector(':scope > article [data-live-name]');
      if (name) {
        announcer.add(name.textContent);
      }
    }
    if (element.id === `topic-status-${topicId}`) {
      followLock(element.classList.contains('is-locked'));
    }
  }

  /**
   * Writing is refused while the topic is locked: its buttons are disabled, but typed text stays. Once unlocked,
   * the new-comment form (hidden on a page rendered while locked) shows and every button works again.
   */
  function followLock(locked) {
    const form = document.getElementById('new-comment');
    if (form && !locked) {
      form.hidden = false;
    }
    document.querySelectorAll('form[data-write-form] button[type="submit"]').forEach((button) => {
      button.disabled = locked;
    });
  }
}

function csrfInput(name) {
  if (!name) {
    return null;
  }
  const input = [...document.querySelectorAll(`input[type="hidden"][name="${CSS.escape(name)}"]`)]
    .find((i) => i.value);
  return input ? { name, value: input.value } : null;
}
