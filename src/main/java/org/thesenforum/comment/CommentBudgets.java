package org.thesenforum.comment;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.thesenforum.account.Account;
import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.SharedCounters;
import org.thesenforum.web.ForumConfig;

/**
 * The rate limits of an account's writes: new comments, and edits and deletes (one budget for both). A slot is
 * taken inside the writing transaction and given back when that transaction does not commit: in memory on one
 * instance, and on a shared database by being part of that transaction ({@link CommentRateLimiter}).
 */
@ApplicationScoped
class CommentBudgets {

    /** New comments per account and minute. */
    private final CommentRateLimiter posts;
    /** Edits and deletes per account and minute, one budget for both. */
    private final CommentRateLimiter changes;
    private final TransactionSynchronizationRegistry transactions;

    CommentBudgets(ForumConfig config, TransactionSynchronizationRegistry transactions, Cluster cluster,
            SharedCounters counters) {
        SharedCounters shared = cluster.shared() ? counters : null;
        this.posts = CommentRateLimiter.forComments(config.comment().ratePerMinute(), Clock.systemUTC(), shared);
        this.changes = CommentRateLimiter.forChanges(config.comment().editsPerMinute(), Clock.systemUTC(), shared);
        this.transactions = transactions;
    }

    /** Takes a slot for a new comment (429 when the budget is spent). */
    void post(Account author) {
        spend(posts, author);
    }

    /** Takes a slot for an edit or a delete (429 when the budget is spent). */
    void change(Account account) {
        spend(changes, account);
    }

    /**
     * For a write that locks the comment's row before it knows whether to {@link #change}: on a shared database the
     * account's change budget is locked now, so that every write takes the budget's lock before any row lock.
     */
    void lockChanges(Account account) {
        if (CommentPolicy.isRateLimited(account)) {
            changes.lockFirst(account.id);
        }
    }

    /**
     * Takes a slot of the budget for accounts that are rate-limited. The slot is given back when the transaction
     * does not commit, so a change that was not stored costs nothing.
     */
    private void spend(CommentRateLimiter budget, Account account) {
        if (!CommentPolicy.isRateLimited(account)) {
            return;
        }
        long accountId = account.id;
        Instant slot = budget.acquire(accountId);
        if (budget.shared()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    budget.release(accountId, slot);
                }
            }
        });
    }
}
