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
        return views(AuditEntry.listNewest(limit));
    }

    /**
     * One page of entries, newest first, of one person ({@code actorId}; the system's own entries with
     * {@link #SYSTEM}) and one action when given; {@code page} counts from 0.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(Long actorId, String action, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (actorId != null && actorId == SYSTEM) {
            where.append(" and actorId is null");
        } else if (actorId != null) {
            where.append(" and actorId = :actor");
            params.put("actor", actorId);
        }
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action);
        }
        long total = AuditEntry.count(where.toString(), params);
        List<AuditEntry> entries = AuditEntry.<AuditEntry>find(where + " order by createdAt desc, id desc", params)
                .page(page, size).list();
        return new AuditPage(views(entries), total, page, size);
    }

    /** Everybody who has an entry, with their names: the choices of the person filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> actors() {
        List<Long> ids = AuditEntry.getEntityManager()
                .createQuery("select distinct e.actorId from AuditEntry e where e.actorId is not null", Long.class)
                .getResultList();
        return names.namesOf(ids);
    }

    /** The actions that have entries: the choices of the action filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actionsRecorded() {
        return AuditEntry.getEntityManager()
                .createQuery("select distinct e.action from AuditEntry e order by e.action", String.class)
                .getResultList();
    }

    private List<AuditView> views(List<AuditEntry> entries) {
        Map<Long, String> actors = names.namesOf(entries.stream().map(e -> e.actorId).filter(Objects::nonNull)
                .distinct().toList());
        return entries.stream().map(e -> AuditView.of(e, actors)).toList();
    }

    /** The person filter's value for entries the forum itself made (no account acted). */
    public static final long SYSTEM = 0;

    /** A page of entries and how many there are in all under the same filter. */
    public record AuditPage(List<AuditView> entries, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
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
