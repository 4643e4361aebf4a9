package org.thesenforum.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


/** Records moderator and admin actions in the caller's transaction, and lists them for admins. */
@ApplicationScoped
public class AuditLog {

    private final ActorNames names;

    AuditLog(ActorNames names) {
        this.names = names;
    }

    /** Joins the caller's transaction, so an action and its audit entry are stored together or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long actorId, String action, String targetType, Long targetId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actorId = actorId;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        entry.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditView> newest(int limit) {
        List<AuditEntry> entries = AuditEntry.listNewest(limit);
        Map<Long, String> actors = names.namesOf(entries.stream().map(e -> e.actorId).filter(Objects::nonNull)
                .distinct().toList());
        return entries.stream().map(e -> AuditView.of(e, actors)).toList();
    }

    /** An audit entry as shown to admins. */
    public record AuditView(long id, Instant createdAt, Long actorId, String actorName, String action,
            String targetType, Long targetId, String detail) {

        static AuditView of(AuditEntry e, Map<Long, String> actors) {
            String name = e.actorId == null ? "System" : actors.getOrDefault(e.actorId, "#" + e.actorId);
            return new AuditView(e.id, e.createdAt, e.actorId, name, e.action, e.targetType, e.targetId, e.detail);
        }
    }
}
