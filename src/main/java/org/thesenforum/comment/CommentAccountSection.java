package org.thesenforum.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.AccountSection;

/** On "Mein Konto": the person's most recent comments, each linking to its place in the thread (account's outlet). */
@ApplicationScoped
class CommentAccountSection implements AccountSection {

    static final int SHOWN = 20;
    private static final int EXCERPT = 140;

    /** One of the person's comments as listed there. */
    record Line(String url, String topic, String excerpt, Instant createdAt, boolean hidden) {
    }

    private final Template section;

    CommentAccountSection(@Location("CommentAccountSection/comments") Template section) {
        this.section = section;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(Account account, Locale locale) {
        List<Comment> newest = Comment.find("from Comment c join fetch c.topic where c.author.id = ?1 "
                + "and c.deletedAt is null order by c.createdAt desc, c.id desc", account.id).page(0, SHOWN).list();
        List<Line> lines = newest.stream().map(c -> new Line("/topics/" + c.topic.id + "#c" + c.id,
                c.topic.label() + ": " + c.topic.title, excerpt(c.body), c.createdAt, c.hidden)).toList();
        return Optional.of(section.data("lines", lines).setLocale(locale).render());
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= EXCERPT) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, EXCERPT)).strip() + " …";
    }
}
