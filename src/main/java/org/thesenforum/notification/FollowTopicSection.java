package org.thesenforum.notification;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.Account;
import org.thesenforum.comment.TopicSection;
import org.thesenforum.discussion.DiscussionViews.TopicView;

/** "Thema folgen / Nicht mehr folgen" on the topic page, for signed-in readers (through the TopicSection outlet). */
@ApplicationScoped
class FollowTopicSection implements TopicSection {

    private final Template section;
    private final TopicFollows follows;

    FollowTopicSection(@Location("NotificationSection/follow") Template section, TopicFollows follows) {
        this.section = section;
        this.follows = follows;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Optional<String> render(TopicView topic, Account reader, Locale locale) {
        if (reader == null) {
            return Optional.empty();
        }
        return Optional.of(section.data("topicId", topic.id()).data("following", follows.follows(reader.id, topic.id()))
                .setLocale(locale).render());
    }
}
