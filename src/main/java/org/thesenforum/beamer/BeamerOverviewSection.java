package org.thesenforum.beamer;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.CurrentUser;
import org.thesenforum.discussion.DiscussionSection;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;

/** On a discussion's overview, for moderators only: the link to the projector view (discussion's outlet). */
@ApplicationScoped
class BeamerOverviewSection implements DiscussionSection {

    private final Template section;
    private final CurrentUser currentUser;

    BeamerOverviewSection(@Location("BeamerSection/overview") Template section, CurrentUser currentUser) {
        this.section = section;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Optional<String> render(DiscussionView discussion, Locale locale) {
        if (!currentUser.isModerator()) {
            return Optional.empty();
        }
        return Optional.of(section.data("slug", discussion.slug()).setLocale(locale).render());
    }
}
