package org.thesenforum.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.web.LiveSessions;

/** Tells the push layer which of its connections' sessions (device sessions, API tokens) have ended. */
@ApplicationScoped
class AccountLiveSessions implements LiveSessions {

    /** Ids per query: far below the bind value limit of the PostgreSQL driver. */
    private static final int CHUNK = 1_000;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> gone(Collection<Long> sessionIds) {
        Set<Long> gone = new HashSet<>();
        List<Long> devices = new ArrayList<>();
        List<Long> tokens = new ArrayList<>();
        for (Long id : sessionIds) {
            if (id > 0) {
                devices.add(id);
            } else {
                // A token's stand-in session is its id negated (SessionEnded.ofToken).
                tokens.add(-id);
            }
        }
        for (int i = 0; i < devices.size(); i += CHUNK) {
            List<Long> chunk = devices.subList(i, Math.min(devices.size(), i + CHUNK));
            Set<Long> found = new HashSet<>(DeviceSession.getEntityManager()
                    .createQuery("select s.id from DeviceSession s where s.id in ?1", Long.class)
                    .setParameter(1, chunk).getResultList());
            chunk.stream().filter(id -> !found.contains(id)).forEach(gone::add);
        }
        for (int i = 0; i < tokens.size(); i += CHUNK) {
            List<Long> chunk = tokens.subList(i, Math.min(tokens.size(), i + CHUNK));
            Set<Long> found = new HashSet<>(ApiToken.getEntityManager()
                    .createQuery("select t.id from ApiToken t where t.id in ?1", Long.class)
                    .setParameter(1, chunk).getResultList());
            chunk.stream().filter(id -> !found.contains(id)).forEach(id -> gone.add(-id));
        }
        return gone;
    }
}
