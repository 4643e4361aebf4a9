package org.thesenforum.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;

/** Records moderator and admin actions in the caller's transaction, and lists them for admins. */
@ApplicationScoped
public class AuditLog {

    /** Joins the caller's transaction, so an action and its audit entry are stored together or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Account actor, String action, String targetType, Long targetId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        entry.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditView> newest(int limit) {
        return AuditEntry.listNewest(limit).stream().map(AuditView::of).toList();
    }

    /** An audit entry as shown to admins. */
    public record AuditView(long id, Instant createdAt, Long actorId, String actorName, String action,
            String targetType, Long targetId, String detail) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.createdAt, e.actor == null ? null : e.actor.id,
                    e.actor == null ? "System" : e.actor.displayName, e.action, e.targetType, e.targetId, e.detail);
        }
    }
}
