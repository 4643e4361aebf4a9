package org.thesenforum.live;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * One open socket in a discussion. While it catches up ({@code since}) live events are held back; afterwards each
 * event is sent once, in seq order. A connection that cannot keep up is dropped and resumes with {@code since}.
 */
final class Subscriber {

    /** Close code for a client whose send queue overflowed; it should reconnect with since. */
    static final int CLOSE_TOO_SLOW = 4008;
    /** Close code for a connection whose session ended; the page says so and reconnects as what it now is. */
    static final int CLOSE_SESSION_ENDED = 4401;

    /** Whose session a signed-in connection belongs to: the account, the device session (null for Basic), and the
     * revocation mark read before the identity was checked. */
    record Owner(long accountId, Long sessionId, long mark, Long expiresAtMillis) {

        boolean expired(long nowMillis) {
            return expiresAtMillis != null && nowMillis >= expiresAtMillis;
        }
    }

    private record Held(long seq, LiveFrame frame) {
    }

    /**
     * The largest frame written as one WebSocket frame: Vert.x's default frame size, which clients built on it
     * accept. Anything longer goes through {@code writeTextMessage}, which splits it.
     */
    static final int MAX_SINGLE_FRAME = 65536;

    private static final AtomicIntegerFieldUpdater<Subscriber> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(Subscriber.class, "inFlight");
    private static final AtomicLongFieldUpdater<Subscriber> IN_FLIGHT_BYTES =
            AtomicLongFieldUpdater.newUpdater(Subscriber.class, "inFlightBytes");
    private static final AtomicIntegerFieldUpdater<Subscriber> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(Subscriber.class, "closing");

    final WebSocketConnection connection;
    /**
     * The Vert.x socket beneath the WebSockets Next connection: pre-encoded frames are written to it directly. Null
     * when it cannot be reached (tests); then frames go through {@code sendText}.
     */
    private final ServerWebSocket socket;
    /** The event loop that owns the connection; all log frames are written from it, in order. Null in tests. */
    final Executor loop;
    final long discussionId;
    final boolean moderator;
    /** Null for anonymous readers. */
    final Owner owner;
    private final int maxQueue;
    private final long maxQueueBytes;
    private volatile int inFlight;
    private volatile long inFlightBytes;
    /** What arrived while catching up; null once live. */
    private ArrayDeque<Held> held;
    private volatile Long topicId;
    private volatile long lastSeen = System.currentTimeMillis();
    private long lastSeq;
    /** The client's since, once checked against the log: it has everything up to there. */
    private long resumedFrom;
    /** The last seq the client acknowledged having applied; -1 before its first acknowledgement. */
    private long acknowledged = -1;
    private boolean live;
    private volatile boolean dropped;
    private volatile int closing;

    Subscriber(WebSocketConnection connection, ServerWebSocket socket, Executor loop, long discussionId,
            boolean moderator, Owner owner, Long topicId, int maxQueue, long maxQueueBytes) {
        this.connection = connection;
        this.socket = socket;
        this.loop = loop;
        this.discussionId = discussionId;
        this.moderator = moderator;
        this.owner = owner;
        this.topicId = topicId;
        this.maxQueue = maxQueue;
        this.maxQueueBytes = maxQueueBytes;
    }

    /** An event from the dispatcher, in seq order. */
    synchronized void deliver(long seq, LiveFrame frame) {
        if (!live) {
            if (held == null) {
                held = new ArrayDeque<>();
            }
            held.addLast(new Held(seq, frame));
            if (held.size() > maxQueue) {
                drop();
            }
            return;
        }
        if (seq > lastSeq) {
            lastSeq = seq;
            send(frame);
        }
    }

    void deliver(long seq, String json) {
        deliver(seq, LiveFrame.of(json));
    }

    /** Starts live delivery at {@code seq}: nothing older is sent. */
    synchronized void startAt(long seq) {
        lastSeq = seq;
        flushHeld();
    }

    /** Sends the replayed events, then what arrived meanwhile, then goes live. */
    synchronized void catchUp(List<LiveFrame> frames, List<Long> seqs, long replayedThrough) {
        for (int i = 0; i < frames.size(); i++) {
            if (seqs.get(i) > lastSeq) {
                lastSeq = seqs.get(i);
                send(frames.get(i));
            }
        }
        lastSeq = Math.max(lastSeq, replayedThrough);
        flushHeld();
    }

    /** The client resumes from {@code seq}, which the log still holds: it may acknowledge it before the replay. */
    synchronized void resumeFrom(long seq) {
        resumedFrom = seq;
    }

    /** How far the client holds the log: the last seq sent to it, or the one it resumed from. */
    synchronized long heldThrough() {
        return Math.max(lastSeq, resumedFrom);
    }

    /**
     * Records that the client applied the log up to {@code seq}. Refused (false) when that is more than it holds
     * ({@link #heldThrough()}) or less than it acknowledged before.
     */
    synchronized boolean acknowledge(long seq) {
        if (seq < 0 || seq > heldThrough() || seq < acknowledged) {
            return false;
        }
        acknowledged = seq;
        return true;
    }

    /** The last seq the client acknowledged, null before its first acknowledgement. */
    synchronized Long acknowledged() {
        return acknowledged < 0 ? null : acknowledged;
    }

    /** Runs a step on the connection's event loop, behind every frame already handed to it. */
    void onLoop(Runnable step) {
        if (loop == null) {
            step.run();
        } else {
            loop.execute(step);
        }
    }

    /** A frame outside the log (presence, heartbeat, reset, error). */
    void sendEphemeral(LiveFrame frame) {
        send(frame);
    }

    void sendEphemeral(String json) {
        send(LiveFrame.of(json));
    }

    private void flushHeld() {
        if (held != null) {
            while (!held.isEmpty()) {
                Held h = held.pollFirst();
                if (h.seq() > lastSeq) {
                    lastSeq = h.seq();
                    send(h.frame());
                }
            }
            held = null;
        }
        live = true;
    }

    private void send(LiveFrame frame) {
        if (dropped) {
            return;
        }
        int size = frame.size();
        if (IN_FLIGHT.incrementAndGet(this) > maxQueue || IN_FLIGHT_BYTES.addAndGet(this, size) > maxQueueBytes) {
            drop();
            return;
        }
        if (socket == null) {
            connection.sendText(frame.text()).subscribe().with(ok -> sent(size), failure -> {
                sent(size);
                Log.debugf("Live send to %s failed: %s", connection.id(), failure.getMessage());
            });
        } else if (size <= MAX_SINGLE_FRAME) {
            // The audience's bytes as they are: a view of the shared buffer per socket, no copy, no encoding.
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, frame.bytes().getByteBuf(), true))
                    .onComplete(result -> written(result, size));
        } else {
            socket.writeTextMessage(frame.text()).onComplete(result -> written(result, size));
        }
    }

    private void written(AsyncResult<Void> result, int size) {
        sent(size);
        if (result.failed()) {
            Log.debugf("Live send to %s failed: %s", connection.id(), result.cause().getMessage());
        }
    }

    private void sent(long size) {
        IN_FLIGHT.decrementAndGet(this);
        IN_FLIGHT_BYTES.addAndGet(this, -size);
    }

    /** Stops writing at once, before the transaction that ends the session commits; the close follows after it. */
    void silence() {
        dropped = true;
    }

    /**
     * Ends the connection because its session ended: from this call on (or from {@link #silence()}) not one more
     * frame is written, since a frame after a demotion could carry what the new role may not see; then the socket
     * is closed with 4401.
     */
    void endSession() {
        close(CLOSE_SESSION_ENDED, "session ended");
    }

    /** Closes a silenced connection whose session did not end after all; the client resumes with since. */
    void restart() {
        close(1012, "service restart");
    }

    private void close(int code, String reason) {
        dropped = true;
        if (CLOSING.compareAndSet(this, 0, 1)) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** Whether the connection has been dropped or ended and receives nothing more. */
    boolean ended() {
        return dropped;
    }

    /** Whether the connection belongs to a session that {@code ended} covers. */
    boolean belongsTo(long accountId, Long sessionId) {
        return owner != null && owner.accountId() == accountId
                && (sessionId == null || sessionId.equals(owner.sessionId()));
    }

    private void drop() {
        if (!dropped) {
            Log.infof("Dropping slow live connection %s (more than %d frames or %d bytes queued)", connection.id(),
                    maxQueue, maxQueueBytes);
            close(CLOSE_TOO_SLOW, "too slow, resume with since");
        }
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    Long topicId() {
        return topicId;
    }

    void viewing(Long topic) {
        this.topicId = topic;
    }

    void seen() {
        lastSeen = System.currentTimeMillis();
    }

    long lastSeen() {
        return lastSeen;
    }
}
