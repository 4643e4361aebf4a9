package org.thesenforum.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.PersonalData;
import org.thesenforum.web.Languages;

/** One's notifications and topic-follow choices in the export of one's data. */
@ApplicationScoped
class NotificationPersonalData implements PersonalData {

    private final NotificationTexts texts;

    NotificationPersonalData(NotificationTexts texts) {
        this.texts = texts;
    }

    /** A followed or unfollowed topic, as chosen. */
    record FollowChoice(long topicId, boolean following, Instant updatedAt) {
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object of(long accountId) {
        List<NotificationView> items = Notification.<Notification>list("accountId = ?1 order by seq", accountId)
                .stream().map(n -> texts.view(n, Languages.DEFAULT)).toList();
        List<FollowChoice> follows = TopicFollow.<TopicFollow>list("accountId = ?1 order by id", accountId).stream()
                .map(f -> new FollowChoice(f.topicId, f.followed, f.updatedAt)).toList();
        return Map.of("items", items, "topicFollows", follows);
    }
}
