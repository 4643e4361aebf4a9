package org.thesenforum.live;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.thesenforum.journal.Journal;
import org.thesenforum.journal.JournalEntry;

/** Reads the journal outside requests and writes its entries as the frames clients receive. */
@ApplicationScoped
class Frames {

    private final Journal journal;
    private final LiveHub hub;

    Frames(Journal journal, LiveHub hub) {
        this.journal = journal;
        this.hub = hub;
    }

    /**
     * A frame of the journal: {@code data} is the REST JSON of the entity, {@code html} its page fragment, which goes
     * to the page element {@code target} as {@code swap} says; frames without html carry neither.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LogFrame(long seq, String type, Long topicId, @JsonRawValue String data, String html, String target,
            String swap) {

        static LogFrame of(JournalEntry e, String data, String html) {
            boolean placed = html != null;
            return new LogFrame(e.seq, e.type, e.topicId, data, html, placed ? e.target : null,
                    placed ? e.swap : null);
        }
    }

    @ActivateRequestContext
    List<JournalEntry> readAfter(long discussionId, long since, int limit) {
        return journal.after(discussionId, since, limit);
    }

    @ActivateRequestContext
    long latestSeq(long discussionId) {
        return journal.latestSeq(discussionId);
    }

    @ActivateRequestContext
    long prunedThrough(long discussionId) {
        return journal.prunedThrough(discussionId);
    }

    String forReaders(JournalEntry e) {
        return hub.write(LogFrame.of(e, e.data, e.html));
    }

    String forModerators(JournalEntry e) {
        if (e.moderatorData == null) {
            return forReaders(e);
        }
        return hub.write(LogFrame.of(e, e.moderatorData, e.moderatorHtml));
    }

    /** An event's frame for each audience, each encoded once; one object for both when they see the same. */
    record Encoded(LiveFrame forReaders, LiveFrame forModerators) {
    }

    Encoded encode(JournalEntry e) {
        LiveFrame readers = LiveFrame.of(forReaders(e));
        return new Encoded(readers, e.moderatorData == null ? readers : LiveFrame.of(forModerators(e)));
    }

    String forAudience(JournalEntry e, boolean moderator) {
        return moderator ? forModerators(e) : forReaders(e);
    }

    String reset(long latestSeq) {
        return hub.write(java.util.Map.of("type", "reset", "seq", latestSeq));
    }
}
