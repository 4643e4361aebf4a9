package org.thesenforum.demand;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.DiscussionSection;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;

/**
 * On a discussion's overview: how many joint demands and open proposals it has, and the demands paper for download
 * (discussion's outlet).
 */
@ApplicationScoped
class DemandOverviewSection implements DiscussionSection {

    private final Template section;

    DemandOverviewSection(@Location("DemandSection/overview") Template section) {
        this.section = section;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(DiscussionView discussion, Locale locale) {
        long pinned = count(discussion, Demand.Status.PINNED);
        long proposed = count(discussion, Demand.Status.PROPOSED);
        return Optional.of(section.data("pinned", pinned).data("proposed", proposed).data("slug", discussion.slug())
                .setLocale(locale).render());
    }

    private static long count(DiscussionView discussion, Demand.Status status) {
        return Demand.count("discussion.slug = ?1 and status = ?2", discussion.slug(), status);
    }
}
