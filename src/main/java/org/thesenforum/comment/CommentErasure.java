package org.thesenforum.comment;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/**
 * A deleted account's reading marks (what it read when) go with it; its comments stay, unsigned. Once the deletion
 * has committed, the live log's entries about its comments and about the replies to them (which name whom they
 * answer) are rewritten to the unsigned state, so that a replay names no one either.
 */
@ApplicationScoped
class CommentErasure implements AccountErasure {

    private final CommentJournal journal;

    CommentErasure(CommentJournal journal) {
        this.journal = journal;
    }

    @Override
    public void erase(long accountId) {
        TopicRead.delete("accountId", accountId);
    }

    @Override
    public void afterDeletion(long accountId) {
        // A left join: a comment without a parent is one of its own as well.
        journal.rewriteLogged(Comment.getEntityManager().createQuery("select c.id from Comment c "
                + "left join c.parent p where c.author.id = ?1 or p.author.id = ?1", Long.class)
                .setParameter(1, accountId).getResultList());
    }
}
