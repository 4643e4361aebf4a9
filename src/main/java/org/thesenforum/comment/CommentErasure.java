package org.thesenforum.comment;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.AccountErasure;

/** A deleted account's reading marks (what it read when) go with it; its comments stay, unsigned. */
@ApplicationScoped
class CommentErasure implements AccountErasure {

    @Override
    public void erase(long accountId) {
        TopicRead.delete("accountId", accountId);
    }
}
