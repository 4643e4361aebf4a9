package org.thesenforum.protocol;

import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.discussion.DiscussionSection;
import org.thesenforum.discussion.DiscussionViews.DiscussionView;

/** On a discussion's overview: the workshop protocol for download in its three formats (discussion's outlet). */
@ApplicationScoped
class ProtocolSection implements DiscussionSection {

    private final Template section;

    ProtocolSection(@Location("ProtocolSection/overview") Template section) {
        this.section = section;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<String> render(DiscussionView discussion, Locale locale) {
        return Optional.of(section.data("slug", discussion.slug()).setLocale(locale).render());
    }
}
