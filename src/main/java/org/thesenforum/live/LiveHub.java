package org.thesenforum.live;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.cluster.Cluster;
import org.thesenforum.cluster.Doorbell;
import org.thesenforum.cluster.Instances;
import org.thesenforum.cluster.SharedPresence;
import org.thesenforum.journal.PresenceNames;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.LiveSessions;
import org.thesenforum.web.Revocations;
import org.thesenforum.web.SessionEnded;

/**
 * Who is connected to which discussion: delivers dispatched events, counts presence, sends heartbeats and
 * closes connections that stopped answering.
 */
@ApplicationScoped
public class LiveHub {

    /** The doorbell's kind for ended sessions: its text is the account's id and the session's, or {@code all}. */
    static final String SESSION_RING = "session";
    /** The doorbell's kind for presence: its text is the discussion's id. */
    static final String PRESENCE_RING = "presence";

    private final Map<Long, Set<Subscriber>> byDiscussion = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sessionRings = new java.util.concurrent.atomic.AtomicLong();
    private final Set<Long> presenceChanged = ConcurrentHashMap.newKeySet();
    /** Discussions whose connections on another instance changed: their sum is sent again. */
    private final Set<Long> presenceElsewhere = ConcurrentHashMap.newKeySet();
    /** On a shared database: discussions whose connections here acknowledged, came or went since the last tick. */
    private final Set<Long> acknowledgedChanged = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final ForumConfig config;
    private final Revocations revocations;
    /** Names the present people who allow it; the hub itself knows only their account ids. */
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<PresenceNames> presenceNames;

    /** On a shared database: which sessions of open sockets ended on another instance. */
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<LiveSessions> liveSessions;
    private final Cluster cluster;
    private final Doorbell doorbell;
    private final SharedPresence sharedPresence;

    /** A hub alone on its database (unit tests). */
    LiveHub(ObjectMapper json, ForumConfig config, Revocations revocations) {
        this(json, config, revocations, Cluster.single(), Doorbell.silent(), null);
    }

    @jakarta.inject.Inject
    LiveHub(ObjectMapper json, ForumConfig config, Revocations revocations, Cluster cluster, Doorbell doorbell,
            SharedPresence sharedPresence) {
        this.cluster = cluster;
        this.sharedPresence = sharedPresence;
        this.doorbell = doorbell;
        this.json = json;
        this.config = config;
        this.revocations = revocations;
    }

    Subscriber join(io.quarkus.websockets.next.WebSocketConnection connection, io.vertx.core.http.ServerWebSocket socket,
            java.util.concurrent.Executor loop, long discussionId, boolean moderator, Subscriber.Owner owner,
            Long topicId) {
        Subscriber s = new Subscriber(connection, socket, loop, discussionId, moderator, owner, topicId,
                config.live().maxQueue(), config.live().maxQueueBytes().asLongValue());
        byDiscussion.computeIfAbsent(discussionId, id -> ConcurrentHashMap.newKeySet()).add(s);
        acknowledgedChangedHere(discussionId);
        presenceChanged.add(discussionId);
        // A session that ended between the identity check and this point was not seen by sessionEnded(): the
        // registration above comes first, so either that observer sees this socket or this check sees the end.
        if (owner != null && revocations.endedSince(owner.accountId(), owner.sessionId(), owner.mark())) {
            endSession(s);
        }
        return s;
    }

    /**
     * Before the transaction that ends sessions commits (logout, sign-out everywhere, role change, disabling): the
     * sockets of those sessions stop receiving, so no frame of a change committed right after it can reach them.
     */
    void silenceEnding(@Observes(during = TransactionPhase.BEFORE_COMPLETION) SessionEnded ending) {
        forEachOf(ending, Subscriber::silence);
    }

    /**
     * After the commit: the silenced sockets are closed with 4401, before the request that ended them returns; the
     * other instances on the database hear of it by doorbell and close theirs.
     */
    void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        revocations.record(ended);
        forEachOf(ended, this::endSession);
        doorbell.ring(SESSION_RING, Long.toString(sessionRings.incrementAndGet()),
                ended.accountId() + " " + (ended.allSessions() ? "all" : ended.sessionId()));
    }

    /** A session ended on another instance: its sockets here close as if it had ended here. */
    void sessionEndedElsewhere(@Observes Doorbell.Rung rung) {
        if (!SESSION_RING.equals(rung.kind())) {
            return;
        }
        String[] parts = rung.body().split(" ");
        SessionEnded ended;
        try {
            ended = new SessionEnded(Long.parseLong(parts[0]), "all".equals(parts[1]) ? null : Long.valueOf(parts[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return;
        }
        revocations.record(ended);
        forEachOf(ended, this::endSession);
    }

    /**
     * The backstop for a lost doorbell, on a database shared with other instances: sockets whose session (device or
     * token) no longer exists are closed. Runs with the heartbeat and whenever the doorbell connects again.
     */
    void closeGoneSessions() {
        if (!cluster.shared() || !liveSessions.isResolvable()) {
            return;
        }
        Map<Long, java.util.List<Subscriber>> bySession = new java.util.HashMap<>();
        byDiscussion.values().forEach(subs -> subs.forEach(s -> {
            if (s.owner != null && s.owner.sessionId() != null && !s.ended()) {
                bySession.computeIfAbsent(s.owner.sessionId(), id -> new java.util.ArrayList<>()).add(s);
            }
        }));
        if (bySession.isEmpty()) {
            return;
        }
        for (Long gone : liveSessions.get().gone(bySession.keySet())) {
            bySession.get(gone).forEach(this::endSession);
        }
    }

    @jakarta.enterprise.context.control.ActivateRequestContext
    void listening(@Observes Doorbell.Listening listening) {
        // Presence rings sent while the doorbell was away are lost: every discussion followed here gets the sum anew.
        presenceElsewhere.addAll(byDiscussion.keySet());
        try {
            closeGoneSessions();
        } catch (RuntimeException e) {
            Log.warnf("Live: cannot check the sessions of open connections (%s)", e.getMessage());
        }
    }

    /** The sessions did not end after all: the silenced sockets reconnect and resume where they were. */
    void sessionsKept(@Observes(during = TransactionPhase.AFTER_FAILURE) SessionEnded kept) {
        forEachOf(kept, s -> {
            s.restart();
            leave(s);
        });
    }

    /** Closes a socket whose session ended (4401) and stops counting it as present. */
    private void endSession(Subscriber s) {
        s.endSession();
        leave(s);
    }

    private void forEachOf(SessionEnded ended, java.util.function.Consumer<Subscriber> action) {
        byDiscussion.values().forEach(subs -> subs.forEach(s -> {
            if (s.belongsTo(ended.accountId(), ended.sessionId())) {
                action.accept(s);
            }
        }));
    }

    void leave(Subscriber s) {
        Set<Subscriber> subs = byDiscussion.get(s.discussionId);
        if (subs != null) {
            subs.remove(s);
        }
        presenceChanged.add(s.discussionId);
        acknowledgedChangedHere(s.discussionId);
    }

    /** A client applied the log further: on a shared database, the next tick tells the other instances. */
    void acknowledged(Subscriber s) {
        acknowledgedChangedHere(s.discussionId);
    }

    private void acknowledgedChangedHere(long discussionId) {
        if (cluster.shared()) {
            acknowledgedChanged.add(discussionId);
        }
    }

    /** The sockets of a discussion. */
    Set<Subscriber> subscribers(long discussionId) {
        return byDiscussion.getOrDefault(discussionId, Set.of());
    }

    /** The open sockets of one signed-in account, on every discussion. */
    java.util.List<Subscriber> subscribersOf(long accountId) {
        return byDiscussion.values().stream().flatMap(Set::stream)
                .filter(s -> s.owner != null && s.owner.accountId() == accountId && !s.ended()).toList();
    }

    void viewing(Subscriber s, Long topicId) {
        s.viewing(topicId);
        presenceChanged.add(s.discussionId);
    }

    /**
     * Hands one committed event to every subscriber of its discussion, in the audience's variant, each variant
     * encoded once and shared by all its connections. The writes run on the event loops that own the connections,
     * one task per loop, rather than one cross-thread hop per socket.
     */
    void deliver(long discussionId, long seq, LiveFrame forReaders, LiveFrame forModerators) {
        Set<Subscriber> subs = byDiscussion.get(discussionId);
        if (subs == null) {
            return;
        }
        Map<java.util.concurrent.Executor, java.util.List<Subscriber>> byLoop = new java.util.HashMap<>();
        for (Subscriber s : subs) {
            if (s.loop == null) {
                s.deliver(seq, s.moderator ? forModerators : forReaders);
            } else {
                byLoop.computeIfAbsent(s.loop, l -> new java.util.ArrayList<>()).add(s);
            }
        }
        byLoop.forEach((loop, group) -> loop.execute(() -> group.forEach(
                s -> s.deliver(seq, s.moderator ? forModerators : forReaders))));
    }

    /**
     * Once a second, for each discussion whose connections changed: tells its connections who is present. On a
     * database shared with other instances, this instance's share is published first and the sum of all instances
     * is sent; the other instances hear of the change by doorbell and send the new sum to their connections.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @jakarta.enterprise.context.control.ActivateRequestContext
    void broadcastPresence() {
        // Rings taken before this tick's sums: one that comes later may announce a commit after a sum read below, so
        // it stays for the next tick (instances tick at the same wall-clock second).
        Set<Long> elsewhere = Set.copyOf(presenceElsewhere);
        presenceElsewhere.removeAll(elsewhere);
        Set<Long> sent = new java.util.HashSet<>();
        for (Long discussionId : Set.copyOf(presenceChanged)) {
            presenceChanged.remove(discussionId);
            Set<Subscriber> subs = byDiscussion.getOrDefault(discussionId, Set.of());
            java.util.List<SharedPresence.Row> rows = rowsOf(subs);
            if (cluster.shared()) {
                try {
                    sharedPresence.publish(discussionId, rows);
                    doorbell.ring(PRESENCE_RING, discussionId.toString(), discussionId.toString());
                    rows = sharedPresence.sum(discussionId);
                } catch (RuntimeException e) {
                    // This instance's own connections are still counted; the next change publishes again.
                    Log.warnf("Live: cannot share presence (%s)", e.getMessage());
                    presenceChanged.add(discussionId);
                }
            }
            sendPresence(subs, rows);
            sent.add(discussionId);
        }
        for (Long discussionId : elsewhere) {
            Set<Subscriber> subs = byDiscussion.getOrDefault(discussionId, Set.of());
            if (sent.contains(discussionId) || subs.isEmpty()) {
                continue;
            }
            try {
                sendPresence(subs, sharedPresence.sum(discussionId));
            } catch (RuntimeException e) {
                Log.warnf("Live: cannot read presence (%s)", e.getMessage());
            }
        }
        publishAcknowledged();
    }

    /**
     * On a shared database: how far this instance's connections have applied each discussion that changed, for a
     * meeting's reach on every instance ({@link LiveConnectionFacts#elsewhere}).
     */
    private void publishAcknowledged() {
        for (Long discussionId : Set.copyOf(acknowledgedChanged)) {
            acknowledgedChanged.remove(discussionId);
            Map<Long, Integer> bySeq = new TreeMap<>();
            byDiscussion.getOrDefault(discussionId, Set.of()).stream().filter(s -> !s.ended()).forEach(s -> {
                Long seq = s.acknowledged();
                bySeq.merge(seq == null ? SharedPresence.NOTHING_ACKNOWLEDGED : seq, 1, Integer::sum);
            });
            try {
                sharedPresence.publishAcknowledged(discussionId, bySeq);
            } catch (RuntimeException e) {
                Log.warnf("Live: cannot share how far connections are (%s)", e.getMessage());
                acknowledgedChanged.add(discussionId);
            }
        }
    }

    /** Another instance's connections to a discussion changed. */
    void presenceElsewhere(@Observes Doorbell.Rung rung) {
        if (PRESENCE_RING.equals(rung.kind())) {
            try {
                presenceElsewhere.add(Long.valueOf(rung.body()));
            } catch (NumberFormatException e) {
                // Not a ring of this version: ignored.
            }
        }
    }

    /** An instance joined or is gone: every discussion followed here gets the new sum. */
    void instancesChanged(@Observes Instances.Changed changed) {
        presenceElsewhere.addAll(byDiscussion.keySet());
        // This instance may have been taken for gone, its rows removed: published again.
        if (cluster.shared()) {
            presenceChanged.addAll(byDiscussion.keySet());
        }
        byDiscussion.keySet().forEach(this::acknowledgedChangedHere);
    }

    /** This instance's connections, grouped by topic page and account. */
    private static java.util.List<SharedPresence.Row> rowsOf(Set<Subscriber> subs) {
        Map<java.util.List<Long>, Integer> counts = new java.util.HashMap<>();
        subs.forEach(s -> counts.merge(java.util.List.of(s.topicId() == null ? 0L : s.topicId(),
                s.owner == null ? 0L : s.owner.accountId()), 1, Integer::sum));
        java.util.List<SharedPresence.Row> rows = new java.util.ArrayList<>();
        counts.forEach((k, n) -> rows.add(new SharedPresence.Row(k.get(0), k.get(1), n)));
        return rows;
    }

    private void sendPresence(Set<Subscriber> subs, java.util.List<SharedPresence.Row> rows) {
        int online = 0;
        Map<String, Integer> topics = new TreeMap<>();
        for (SharedPresence.Row r : rows) {
            online += r.connections();
            if (r.topicId() != 0) {
                topics.merge(String.valueOf(r.topicId()), r.connections(), Integer::sum);
            }
        }
        NamesPresent named = namesPresent(rows);
        LiveFrame frame = LiveFrame.of(write(Map.of("type", "presence", "online", online, "topics", topics,
                "names", named.discussion(), "topicNames", named.byTopic())));
        subs.forEach(s -> s.sendEphemeral(frame));
    }

    /** The names of the present people who allow it: on the discussion, and per topic page; each name once. */
    record NamesPresent(java.util.List<String> discussion, Map<String, java.util.List<String>> byTopic) {
    }

    private NamesPresent namesPresent(java.util.List<SharedPresence.Row> rows) {
        Set<Long> accounts = new java.util.HashSet<>();
        rows.forEach(r -> {
            if (r.accountId() != 0) {
                accounts.add(r.accountId());
            }
        });
        Map<Long, String> names = accounts.isEmpty() || !presenceNames.isResolvable() ? Map.of()
                : presenceNames.get().shown(accounts);
        Set<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> byTopic = new TreeMap<>();
        rows.forEach(r -> {
            String name = r.accountId() == 0 ? null : names.get(r.accountId());
            if (name != null) {
                all.add(name);
                if (r.topicId() != 0) {
                    byTopic.computeIfAbsent(String.valueOf(r.topicId()),
                            t -> new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(name);
                }
            }
        });
        Map<String, java.util.List<String>> topicLists = new TreeMap<>();
        byTopic.forEach((t, n) -> topicLists.put(t, java.util.List.copyOf(n)));
        return new NamesPresent(java.util.List.copyOf(all), topicLists);
    }

    @Scheduled(every = "${forum.live.heartbeat:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @jakarta.enterprise.context.control.ActivateRequestContext
    void heartbeat() {
        try {
            closeGoneSessions();
        } catch (RuntimeException e) {
            Log.warnf("Live: cannot check the sessions of open connections (%s)", e.getMessage());
        }
        long silentSince = System.currentTimeMillis() - config.live().heartbeat().toMillis() * 3;
        long now = System.currentTimeMillis();
        byDiscussion.forEach((discussionId, subs) -> subs.forEach(s -> {
            if (s.owner != null && s.owner.expired(now)) {
                // The session ran out (forum.session.max-age): its socket ends like one whose session was ended.
                endSession(s);
            } else if (s.lastSeen() < silentSince) {
                // Neither a frame nor a pong for three heartbeats: the other side is gone.
                s.connection.close(new CloseReason(4000, "no heartbeat")).subscribe().with(ok -> { }, f -> { });
                leave(s);
            } else {
                s.sendEphemeral(write(Map.of("type", "heartbeat", "seq", s.lastSeq())));
            }
        }));
    }

    String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a live frame", e);
        }
    }
}
