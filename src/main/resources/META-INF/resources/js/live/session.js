// The reader's session: noticing that it ended, and saying so.

import { API_HEADERS } from './util.js';

const SESSION_CHECK_TIMEOUT_MS = 5000;

/**
 * What the page knows about the reader's session. It was rendered for a member or not; it learns that the session
 * ended from a 4401 close, a 401 from the server, or a failed check before a form is sent, and then shows a notice
 * with a login link that returns to this page, where the drafts are restored.
 */
export function createSession(bar) {
  const data = bar.dataset;
  const notice = document.getElementById('session-notice');
  const renderedForMember = data.liveMember === 'true';
  const topicId = data.liveTopic ? Number(data.liveTopic) : null;
  const renewed = [];
  const endedListeners = [];
  let member = renderedForMember;
  let shown = false;

  // Back in this tab after signing in again elsewhere: take the notice down and let the stream reconnect.
  document.addEventListener('visibilitychange', async () => {
    if (document.visibilityState !== 'visible' || !shown) {
      return;
    }
    const me = await whoAmI();
    if (me && String(me.id) === data.draftOwner) {
      shown = false;
      member = true;
      notice.hidden = true;
      notice.replaceChildren();
      renewed.forEach((listener) => listener());
    }
  });

  /** The signed-in account, false when nobody is signed in, null when the server could not be asked. */
  async function whoAmI() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SESSION_CHECK_TIMEOUT_MS);
    try {
      const response = await fetch('/api/me', {
        headers: API_HEADERS, cache: 'no-store', signal: controller.signal,
      });
      if (response.status === 401) {
        return false;
      }
      return response.ok ? await response.json() : null;
    } catch (e) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the server's answer names the account this page was rendered for (null: not asked, counts as yes). */
  function isOwner(me) {
    return me === null || (me !== false && String(me.id) === data.draftOwner);
  }

  /** Where to come back to after signing in: the topic page (never a form's address), or this page. */
  function returnPath() {
    if (topicId !== null) {
      const page = `/topics/${topicId}`;
      return location.pathname === page ? page + location.search : page;
    }
    return location.pathname + location.search;
  }

  function ended(focus) {
    if (!renderedForMember) {
      return;
    }
    member = false;
    shown = true;
    const link = document.createElement('a');
    link.href = `/login?next=${encodeURIComponent(returnPath())}`;
    link.textContent = data.textSessionLogin;
    // New content in the alert region is announced again, also when the reader tries to send a second time.
    notice.replaceChildren(data.textSessionEnded, ' ', link);
    notice.hidden = false;
    if (focus) {
      link.focus();
    }
    endedListeners.forEach((listener) => listener());
  }

  return {
    get member() {
      return member;
    },
    /** The session ended; focus moves to the login link when the reader was just trying to send something. */
    ended,
    /** Asks the server whether the session still holds, after the connection dropped or a request got 401. */
    async verify() {
      if (member && !isOwner(await whoAmI())) {
        ended(false);
      }
    },
    /**
     * True when the page's own account is still signed in, false when nobody or someone else is (another person
     * signed in on this browser meanwhile: their cookie must not publish this page's draft), null when the server
     * could not be asked.
     */
    async signedIn() {
      const me = await whoAmI();
      return me === null ? null : isOwner(me);
    },
    /** Called when the reader is signed in as this page's account again (after it ended). */
    onRenewed(listener) {
      renewed.push(listener);
    },
    /** Called when the session ended. */
    onEnded(listener) {
      endedListeners.push(listener);
    },
  };
}
