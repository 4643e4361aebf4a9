package org.thesenforum.discussion;

import java.util.Locale;
import java.util.Optional;

import org.thesenforum.discussion.DiscussionViews.DiscussionView;

/**
 * A block that a feature above this one shows on a discussion's overview, after the guiding questions: an outlet
 * (docs/architecture.md, "Packages"), like {@link TopicActivity} for the topics' figures. The higher feature renders
 * it from its own template; discussion/ never imports it.
 */
public interface DiscussionSection {

    /** Place among the sections: lower first. */
    default int order() {
        return 100;
    }

    /** The block in {@code locale}, or empty when there is nothing to show. */
    Optional<String> render(DiscussionView discussion, Locale locale);
}
