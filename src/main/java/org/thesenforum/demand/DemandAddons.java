package org.thesenforum.demand;

import java.util.List;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.thesenforum.web.ReaderLanguage;

/** Joins what every {@link DemandAddon} adds to a demand card, for {@code tags/demandCard.html}. */
@ApplicationScoped
@Named("demandAddons")
public class DemandAddons {

    private final List<DemandAddon> addons;
    private final ReaderLanguage language;

    DemandAddons(@All List<DemandAddon> addons, ReaderLanguage language) {
        this.addons = addons;
        this.language = language;
    }

    /** The controls the features above add to this demand, in the reader's language. */
    public String actions(long demandId, long authorId) {
        StringBuilder html = new StringBuilder();
        addons.forEach(a -> html.append(a.actions(demandId, authorId, language.locale())));
        return html.toString();
    }
}
