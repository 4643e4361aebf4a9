package org.thesenforum.notification;

import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.Account;
import org.thesenforum.demand.Demand;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.discussion.DiscussionMessages;
import org.thesenforum.discussion.Topic;
import org.thesenforum.web.Text;

/** Turns stored notifications into sentences and links, in the reader's language. */
@ApplicationScoped
class NotificationTexts {

    NotificationView view(Notification n, Locale locale) {
        return new NotificationView(n.seq, n.kind, text(n, locale), url(n), n.isRead(), n.createdAt);
    }

    String text(Notification n, Locale locale) {
        String actor = actor(n, locale);
        String topic = topic(n, locale);
        String title = n.demandId == null ? null : demandTitle(n.demandId);
        String summary = n.summary == null ? "" : n.summary;
        return in(locale, m -> switch (n.kind) {
            case REPLY -> m.text_reply(actor, topic);
            case MENTION -> m.text_mention(actor, topic);
            case NEW_DEMAND -> m.text_new_demand(actor, topic, title == null ? m.a_demand() : title);
            case DEMAND_REWORDED -> m.text_demand_reworded(title == null ? m.a_demand() : title, summary);
            case COMMENT_HIDDEN -> m.text_comment_hidden(topic, summary);
            case REVIEW_REQUESTED -> m.text_review_requested(actor, topic);
            case REPORT_HANDLED -> m.text_report_handled(topic, summary);
        });
    }

    /** Where a notification leads: the comment on its topic page, the demand on the demands page, or the topic. */
    static String url(Notification n) {
        if (n.commentId != null && n.topicId != null) {
            return "/topics/" + n.topicId + "#c" + n.commentId;
        }
        if (n.demandId != null && n.discussionId != null) {
            Discussion d = Discussion.findById(n.discussionId);
            if (d != null) {
                return "/discussions/" + d.slug + "/demands#d" + n.demandId;
            }
        }
        if (n.topicId != null) {
            return "/topics/" + n.topicId;
        }
        return "/notifications";
    }

    private static String actor(Notification n, Locale locale) {
        Account a = n.actorId == null ? null : Account.findById(n.actorId);
        return a == null ? in(locale, NotificationMessages::someone) : a.shownName(locale);
    }

    static String topic(Notification n, Locale locale) {
        Topic t = n.topicId == null ? null : Topic.findById(n.topicId);
        return t == null ? in(locale, NotificationMessages::a_topic) : topicLabel(t, locale);
    }

    static String topicLabel(Topic t, Locale locale) {
        return Text.of(DiscussionMessages.class, m -> m.topic_label(t.kind, t.number)).in(locale);
    }

    private static String demandTitle(long demandId) {
        Demand d = Demand.findById(demandId);
        return d == null ? null : d.title;
    }

    static String in(Locale locale, Function<NotificationMessages, String> message) {
        return Text.of(NotificationMessages.class, message).in(locale);
    }
}
