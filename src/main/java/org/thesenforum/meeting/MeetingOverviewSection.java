package org.thesenforum.meeting;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionSection;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;

/** On a discussion's overview, for moderators only: the way to the meeting page (discussion's outlet). */
@ApplicationScoped
class MeetingOverviewSection implements DiscussionSection {

    private final Template section;
    private final CurrentUser currentUser;

    MeetingOverviewSection(@Location("MeetingSection/overview") Template section, CurrentUser currentUser) {
        this.section = section;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<String> render(DiscussionView discussion, Locale locale) {
        if (!MeetingPolicy.canRun(currentUser.account().orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(section.data("slug", discussion.slug()).setLocale(locale).render());
    }
}
