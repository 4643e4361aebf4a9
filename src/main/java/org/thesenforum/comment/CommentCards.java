package org.thesenforum.comment;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.web.FragmentCache;

/**
 * The cards of comments ({@code tags/commentCard.html}) for the topic page and the live fragments, kept in the
 * {@link FragmentCache} by exactly what they show ({@link CommentCard}), so a page of a long thread renders only the
 * cards that changed since someone last saw them with the same role and language.
 */
@ApplicationScoped
class CommentCards {

    private final Template card;
    private final FragmentCache cache;

    CommentCards(@Location("tags/commentCard") Template card, FragmentCache cache) {
        this.card = card;
        this.cache = cache;
    }

    /** The card's HTML: kept, or rendered in the card's language and kept. */
    String html(CommentCard key) {
        return cache.get(key, this::render);
    }

    /** The card's HTML, rendered now. */
    String render(CommentCard key) {
        return card.data("card", key).setLocale(key.locale()).render().strip();
    }
}
