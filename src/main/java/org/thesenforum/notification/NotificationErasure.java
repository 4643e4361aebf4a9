package org.thesenforum.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.thesenforum.account.AccountErasure;

/** A deleted account's notifications (with their summaries), topic-follow choices and digest claims go with it. */
@ApplicationScoped
class NotificationErasure implements AccountErasure {

    private final EntityManager em;

    NotificationErasure(EntityManager em) {
        this.em = em;
    }

    @Override
    public void erase(long accountId) {
        Notification.delete("accountId", accountId);
        TopicFollow.delete("accountId", accountId);
        em.createNativeQuery("DELETE FROM digest_claims WHERE account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
    }
}
