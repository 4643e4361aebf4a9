package org.thesenforum.comment;

import java.util.HashSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/**
 * A deleted account's reading marks (what it read when) go with it; its comments stay, unsigned, and so do the live
 * log's entries about them, rewritten to the unsigned state so that a replay names no one either.
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
        journal.rewriteLogged(new HashSet<>(Comment.getEntityManager()
                .createQuery("select c.id from Comment c where c.author.id = ?1", Long.class)
                .setParameter(1, accountId).getResultList()));
    }
}
