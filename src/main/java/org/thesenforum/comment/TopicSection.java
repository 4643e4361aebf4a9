package org.thesenforum.comment;

import java.util.Locale;
import java.util.Optional;

import org.thesenforum.account.Account;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/**
 * A block that a feature above this one shows on the topic page, between the topic's text and its thread: an outlet
 * (docs/architecture.md, "Packages"). The higher feature implements it as a CDI bean and renders the block from its
 * own template; the topic page collects every implementation, so comment/ never imports the features that use it.
 */
public interface TopicSection {

    /** Place among the sections: lower first. */
    default int order() {
        return 100;
    }

    /** The block for this reader (null when anonymous) in {@code locale}, or empty when there is nothing to show. */
    Optional<String> render(TopicView topic, Account reader, Locale locale);
}
