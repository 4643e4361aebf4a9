package org.thesenforum.moderation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.thesenforum.journal.PresenceNames;

/**
 * Names the signed-in people who are present for "Wer ist da": only those who switched on {@code showPresence} in
 * their settings (off by default) and whose account is enabled; everyone else stays a number.
 */
@ApplicationScoped
class ShownPresence implements PresenceNames {

    private final EntityManager em;

    ShownPresence(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Map<Long, String> shown(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.createQuery("select a.id, a.displayName from Account a "
                + "where a.id in :ids and a.showPresence = true and a.enabled = true", Object[].class)
                .setParameter("ids", accountIds).getResultList();
        rows.forEach(r -> names.put((Long) r[0], (String) r[1]));
        return names;
    }
}
