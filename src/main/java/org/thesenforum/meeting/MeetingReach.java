package org.thesenforum.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.journal.ConnectionFacts;
import org.thesenforum.journal.ConnectionFacts.Connection;
import org.thesenforum.journal.ConnectionFacts.Elsewhere;
import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/**
 * How far the room is: of the devices connected to a discussion's live stream (on every instance of a shared
 * database), how many have acknowledged its newest change, and how many are more than 30 seconds behind. A device is that far behind when the first change it has not
 * applied was appended to the journal more than 30 seconds ago; a device that has acknowledged nothing yet (it just
 * connected) counts as behind, not as that far behind.
 */
@ApplicationScoped
public class MeetingReach {

    /** From how far behind a device counts as hanging. */
    static final Duration LAG = Duration.ofSeconds(30);

    /** The reach of a discussion's newest change: {@code behind} = {@code devices} − {@code current}. */
    public record Reach(int devices, int current, int behind, int lagging, long latestSeq, Instant serverTime) {
    }

    private final ConnectionFacts connections;
    private final Journal journal;
    private final MeetingClock clock;

    MeetingReach(ConnectionFacts connections, Journal journal, MeetingClock clock) {
        this.connections = connections;
        this.journal = journal;
        this.clock = clock;
    }

    /** The reach, for moderators only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Reach of(String slug, Account moderator) {
        if (!MeetingPolicy.canRun(moderator)) {
            throw ProblemException.forbidden(Text.of(Messages.class, Messages::problem_forbidden));
        }
        Discussion discussion = MeetingService.requireDiscussion(slug);
        return of(discussion.id);
    }

    /**
     * The reach of a discussion's newest change, over the devices of every instance; reads in a transaction of its
     * own when called from a timer.
     */
    @Transactional
    Reach of(long discussionId) {
        List<Elsewhere> devices = new ArrayList<>();
        connections.connections(discussionId).forEach(c -> devices.add(new Elsewhere(c.acknowledgedSeq(), 1)));
        devices.addAll(connections.elsewhere(discussionId));
        long latest = journal.latestSeq(discussionId);
        long oldest = devices.stream().filter(d -> d.acknowledgedSeq() != null).mapToLong(Elsewhere::acknowledgedSeq)
                .min().orElse(latest);
        Map<Long, Instant> appended = new TreeMap<>();
        if (oldest < latest) {
            JournalEntry.getEntityManager().createQuery("select e.seq, e.createdAt from JournalEntry e "
                    + "where e.discussionId = ?1 and e.seq > ?2", Object[].class).setParameter(1, discussionId)
                    .setParameter(2, oldest).getResultList()
                    .forEach(r -> appended.put((Long) r[0], (Instant) r[1]));
        }
        return countGrouped(devices, latest, appended, clock.now());
    }

    /** The counting of one instance's connections. */
    static Reach count(List<Connection> open, long latest, Map<Long, Instant> appended, Instant now) {
        return countGrouped(open.stream().map(c -> new Elsewhere(c.acknowledgedSeq(), 1)).toList(), latest, appended,
                now);
    }

    /**
     * The counting itself, on what was read: the devices grouped by the seq they acknowledged, the newest seq and
     * when each later entry came.
     */
    static Reach countGrouped(Collection<Elsewhere> devices, long latest, Map<Long, Instant> appended, Instant now) {
        int all = 0;
        int current = 0;
        int lagging = 0;
        Instant limit = now.minus(LAG);
        for (Elsewhere d : devices) {
            all += d.connections();
            Long ack = d.acknowledgedSeq();
            if (ack != null && ack >= latest) {
                current += d.connections();
            } else if (ack != null) {
                Instant firstMissed = appended.get(ack + 1);
                // An entry pruned already is older than any lag worth showing.
                if (firstMissed == null || firstMissed.isBefore(limit)) {
                    lagging += d.connections();
                }
            }
        }
        return new Reach(all, current, all - current, lagging, latest, now);
    }
}
