package org.thesenforum.live;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.thesenforum.journal.PresenceNames;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Revocations;
import org.thesenforum.web.SessionEnded;

/**
 * Who is connected to which discussion: delivers dispatched events, counts presence, sends heartbeats and
 * closes connections that stopped answering.
 */
@ApplicationScoped
public class LiveHub {

    private final Map<Long, Set<Subscriber>> byDiscussion = new ConcurrentHashMap<>();
    private final Set<Long> presenceChanged = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final ForumConfig config;
    private final Revocations revocations;
    /** Names the present people who allow it; the hub itself knows only their account ids. */
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<PresenceNames> presenceNames;

    LiveHub(ObjectMapper json, ForumConfig config, Revocations revocations) {
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

    /** After the commit: the silenced sockets are closed with 4401, before the request that ended them returns. */
    void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        revocations.record(ended);
        forEachOf(ended, this::endSession);
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

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void broadcastPresence() {
        for (Long discussionId : Set.copyOf(presenceChanged)) {
            presenceChanged.remove(discussionId);
            Set<Subscriber> subs = byDiscussion.getOrDefault(discussionId, Set.of());
            Map<String, Integer> topics = new TreeMap<>();
            subs.forEach(s -> {
                if (s.topicId() != null) {
                    topics.merge(String.valueOf(s.topicId()), 1, Integer::sum);
                }
            });
            NamesPresent named = namesPresent(subs);
            LiveFrame frame = LiveFrame.of(write(Map.of("type", "presence", "online", subs.size(), "topics", topics,
                    "names", named.discussion(), "topicNames", named.byTopic())));
            subs.forEach(s -> s.sendEphemeral(frame));
        }
    }

    /** The names of the present people who allow it: on the discussion, and per topic page; each name once. */
    record NamesPresent(java.util.List<String> discussion, Map<String, java.util.List<String>> byTopic) {
    }

    private NamesPresent namesPresent(Set<Subscriber> subs) {
        Set<Long> accounts = new java.util.HashSet<>();
        subs.forEach(s -> {
            if (s.owner != null) {
                accounts.add(s.owner.accountId());
            }
        });
        Map<Long, String> names = accounts.isEmpty() || !presenceNames.isResolvable() ? Map.of()
                : presenceNames.get().shown(accounts);
        Set<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> byTopic = new TreeMap<>();
        subs.forEach(s -> {
            String name = s.owner == null ? null : names.get(s.owner.accountId());
            if (name != null) {
                all.add(name);
                if (s.topicId() != null) {
                    byTopic.computeIfAbsent(String.valueOf(s.topicId()),
                            t -> new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add(name);
                }
            }
        });
        Map<String, java.util.List<String>> topicLists = new TreeMap<>();
        byTopic.forEach((t, n) -> topicLists.put(t, java.util.List.copyOf(n)));
        return new NamesPresent(java.util.List.copyOf(all), topicLists);
    }

    @Scheduled(every = "${forum.live.heartbeat:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
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
