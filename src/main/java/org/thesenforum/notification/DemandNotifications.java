package org.thesenforum.notification;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.thesenforum.demand.Demand;
import org.thesenforum.demand.DemandChanged;
import org.thesenforum.demand.DemandVersion;
import org.thesenforum.discussion.Topic;

/**
 * Notifies in the transaction that proposed or reworded a demand: the followers of its topics of a new demand, and
 * those who supported it or took a position on it of a new wording. Never the one who wrote it.
 */
@ApplicationScoped
class DemandNotifications {

    private final NotificationService notifications;
    private final TopicFollows follows;

    DemandNotifications(NotificationService notifications, TopicFollows follows) {
        this.notifications = notifications;
        this.follows = follows;
    }

    void demandChanged(@Observes DemandChanged change) {
        Demand demand = Demand.findById(change.demandId());
        if (demand == null) {
            return;
        }
        if (change.change() == DemandChanged.Change.CREATED) {
            created(demand);
        } else if (change.change() == DemandChanged.Change.EDITED) {
            edited(demand);
        }
    }

    private void created(Demand demand) {
        // Addressees in ascending id (see CommentNotifications), each with the first of the demand's topics they
        // follow.
        Map<Long, Long> topicOf = new TreeMap<>();
        for (Topic topic : demand.topics) {
            follows.followers(topic.id).forEach(follower -> topicOf.putIfAbsent(follower, topic.id));
        }
        topicOf.forEach((follower, topic) -> notifications.notify(follower, NotificationKind.NEW_DEMAND,
                NotificationService.About.demand(demand.id, topic, demand.author.id)));
    }

    private void edited(Demand demand) {
        DemandVersion version = DemandVersion.<DemandVersion>find("demand = ?1 and number = ?2", demand,
                demand.wording).firstResult();
        // A change of topics alone keeps the wording; only a new version made in this change counts.
        if (version == null || !version.createdAt.equals(demand.updatedAt)) {
            return;
        }
        Set<Long> voters = new TreeSet<>();
        voters.addAll(Demand.getEntityManager().createQuery(
                "select s.account.id from Support s where s.demand = ?1 order by s.id", Long.class)
                .setParameter(1, demand).getResultList());
        voters.addAll(Demand.getEntityManager().createQuery(
                "select p.account.id from Position p where p.demand = ?1 order by p.id", Long.class)
                .setParameter(1, demand).getResultList());
        NotificationService.About about = NotificationService.About.demand(demand.id, null, version.editor.id)
                .withSummary(String.valueOf(demand.wording));
        voters.forEach(id -> notifications.notify(id, NotificationKind.DEMAND_REWORDED, about));
    }
}
