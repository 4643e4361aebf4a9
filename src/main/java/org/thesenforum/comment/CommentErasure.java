package org.thesenforum.comment;

import java.util.List;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.account.AccountErasure;

/**
 * A deleted account's reading marks (what it read when) go with it; its comments stay, unsigned. Once the deletion
 * has committed, the live log's entries about its comments and about the replies to them (which name whom they
 * answer) are rewritten to the unsigned state, so that a replay names no one either.
 */
@ApplicationScoped
class CommentErasure implements AccountErasure {

    /** The comments whose entries are rewritten after the deletion committed. */
    record Unsigned(long accountId) {
    }

    private final CommentJournal journal;
    private final Event<Unsigned> unsigned;

    CommentErasure(CommentJournal journal, Event<Unsigned> unsigned) {
        this.journal = journal;
        this.unsigned = unsigned;
    }

    @Override
    public void erase(long accountId) {
        TopicRead.delete("accountId", accountId);
        unsigned.fire(new Unsigned(accountId));
    }

    /**
     * After the deletion, in a transaction of its own that takes each comment's lock as the comment writes do (the
     * deletion itself holds the account's row, which a hiding locks after the comment's). Should it fail, the
     * deletion stands and the entries age out of the log with the retention.
     */
    void rewrite(@Observes(during = TransactionPhase.AFTER_SUCCESS) Unsigned deleted) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // A left join: a comment without a parent is one of its own as well.
                List<Long> ids = Comment.getEntityManager().createQuery("select c.id from Comment c "
                        + "left join c.parent p where c.author.id = ?1 or p.author.id = ?1", Long.class)
                        .setParameter(1, deleted.accountId()).getResultList();
                journal.rewriteLogged(ids);
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not rewrite the live log's entries about the comments of deleted account %d (%s); "
                    + "they leave the log with the retention", deleted.accountId(), e.getMessage());
        }
    }
}
