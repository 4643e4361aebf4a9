package org.thesenforum.event;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.DiscussionSection;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;
import org.thesenforum.event.EventViews.EventView;

/** On a discussion's overview: its events with their day and place, and a link to register (discussion's outlet). */
@ApplicationScoped
class EventOverviewSection implements DiscussionSection {

    /** One line of the block. */
    public record Item(String title, String pageUrl, String when, String city, boolean open) {
    }

    private final EventService events;
    private final EventFormat format;
    private final Template section;

    EventOverviewSection(EventService events, EventFormat format, @Location("EventSection/overview") Template section) {
        this.events = events;
        this.format = format;
        this.section = section;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(DiscussionView discussion, Locale locale) {
        List<EventView> list = events.ofDiscussion(discussion.slug());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = list.stream().map(e -> new Item(e.title(), e.pageUrl(),
                format.when(e.date(), e.start(), e.end(), locale), e.city(), e.registration().isOpen())).toList();
        return Optional.of(section.data("events", items).data("slug", discussion.slug()).setLocale(locale).render());
    }
}
