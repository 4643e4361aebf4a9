package org.thesenforum.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which sessions ended, so that a connection whose identity was checked just before a session ended
 * is still caught: an identity carries the account's mark read before its check, and a mark that moved since, or
 * a session ended since, means the connection must not stay open.
 */
@ApplicationScoped
public class Revocations {

    /** A session ended this long ago can no longer be in the middle of a handshake. */
    private static final long REMEMBER_MILLIS = 10 * 60 * 1000;

    private final Map<Long, Long> accountMarks = new ConcurrentHashMap<>();
    private final Map<Long, Long> endedSessions = new ConcurrentHashMap<>();

    /** The account's current mark; read it before checking an identity. */
    public long mark(long accountId) {
        return accountMarks.getOrDefault(accountId, 0L);
    }

    /** Records ended sessions; call after the commit that ended them, before acting on open connections. */
    public void record(SessionEnded ended) {
        if (ended.allSessions()) {
            accountMarks.merge(ended.accountId(), 1L, Long::sum);
        } else {
            endedSessions.put(ended.sessionId(), System.currentTimeMillis());
        }
    }

    /** Whether a session checked at {@code mark} has ended since. */
    public boolean endedSince(long accountId, Long sessionId, long mark) {
        return mark(accountId) != mark || (sessionId != null && endedSessions.containsKey(sessionId));
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        long cutoff = System.currentTimeMillis() - REMEMBER_MILLIS;
        endedSessions.values().removeIf(at -> at < cutoff);
    }
}
