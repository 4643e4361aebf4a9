package org.thesenforum.meeting;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.discussion.Discussion;
import org.thesenforum.meeting.MeetingViews.MeetingView;
import org.thesenforum.web.PageBanner;

/**
 * The banner "Jetzt: These 3 — …" on every page of a discussion (web's outlet), and its script; the element is there
 * (hidden) even while nothing is discussed, so that a focus set later shows without a reload.
 */
@ApplicationScoped
class MeetingBanner implements PageBanner {

    private final Template banner;
    private final MeetingService meetings;

    MeetingBanner(@Location("MeetingBanner/banner") Template banner, MeetingService meetings) {
        this.banner = banner;
        this.meetings = meetings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(String slug, Locale locale) {
        if (Discussion.findBySlug(slug).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fragment(meetings.meeting(slug, locale), locale));
    }

    /** The banner alone, as the page shows it and its script fetches it again. */
    String fragment(MeetingView meeting, Locale locale) {
        return banner.data("meeting", meeting).setLocale(locale).render();
    }
}
