package org.thesenforum.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Turns a parsed paper into a discussion with its topics and guiding questions, all or nothing. */
@ApplicationScoped
public class PaperImporter {

    static final String SHIPPED_PAPER = "/paper/einladung-und-diskussionsgrundlage.md";

    private final PaperParser parser = new PaperParser();
    private final AuditLog audit;
    private final Event<PaperImported> imported;

    PaperImporter(AuditLog audit, Event<PaperImported> imported) {
        this.audit = audit;
        this.imported = imported;
    }

    /**
     * Imports the paper shipped with the application when the database holds no discussion yet; otherwise announces
     * the shipped paper's discussion again (if it is there), so that what features above take from it once is
     * stored in databases that were imported before those features existed.
     */
    @Transactional
    public void importShippedPaperIfEmpty() {
        try {
            if (Discussion.count() > 0) {
                ParsedPaper paper = parser.parse(readShippedPaper());
                Discussion.findBySlug(paper.slug())
                        .ifPresent(d -> imported.fire(new PaperImported(d, paper.events())));
                return;
            }
            Discussion d = store(parser.parse(readShippedPaper()));
            Log.infof("Imported the paper \"%s\" as discussion %s", d.title, d.slug);
        } catch (PaperFormatException e) {
            throw new IllegalStateException("The shipped paper cannot be imported: " + e.getMessage(), e);
        }
    }

    /** Parses an uploaded paper without storing anything; 422 naming the line when it is malformed. */
    public ParsedPaper preview(String markdown) {
        try {
            ParsedPaper paper = parser.parse(markdown == null ? "" : markdown);
            if (Discussion.findBySlug(paper.slug()).isPresent()) {
                throw ProblemException.conflict("file", Text.of(DiscussionMessages.class,
                        m -> m.problem_paper_exists(paper.title(), paper.slug())));
            }
            return paper;
        } catch (PaperFormatException e) {
            // The parser words its findings in German only.
            throw ProblemException.invalid("file", e::message);
        }
    }

    /** Imports an uploaded paper as a further discussion. */
    @Transactional
    public Discussion importPaper(String markdown, Account admin) {
        Discussion d = store(preview(markdown));
        audit.record(admin.id, "PAPER_IMPORTED", "discussion", d.id, d.title);
        return d;
    }

    private Discussion store(ParsedPaper paper) {
        Discussion d = new Discussion();
        d.slug = paper.slug();
        d.title = paper.title();
        d.subtitle = paper.subtitle();
        d.paperDate = paper.paperDate();
        d.introduction = paper.introduction();
        d.invitation = paper.invitation();
        d.thesesHeading = paper.thesesHeading();
        d.approachesHeading = paper.approachesHeading();
        d.approachesIntroduction = paper.approachesIntroduction();
        d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        d.persist();
        int position = 0;
        for (ParsedTopic t : concat(paper.theses(), paper.approaches())) {
            Topic topic = new Topic();
            topic.discussion = d;
            topic.kind = t.kind();
            topic.number = t.number();
            topic.position = ++position;
            topic.title = t.title();
            topic.body = t.body();
            topic.persist();
        }
        int questionPosition = 0;
        for (String text : paper.guidingQuestions()) {
            GuidingQuestion q = new GuidingQuestion();
            q.discussion = d;
            q.position = ++questionPosition;
            q.text = text;
            q.persist();
        }
        imported.fire(new PaperImported(d, paper.events()));
        return d;
    }

    private static List<ParsedTopic> concat(List<ParsedTopic> a, List<ParsedTopic> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static String readShippedPaper() {
        try (InputStream in = PaperImporter.class.getResourceAsStream(SHIPPED_PAPER)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SHIPPED_PAPER);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
