package org.thesenforum.moderation;

import java.util.Locale;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import org.thesenforum.account.CurrentUser;
import org.thesenforum.demand.DemandAddon;

/** "Melden" on the demand cards of others: a link to the report form of {@link ModerationPages}. */
@ApplicationScoped
class ModerationDemandAddon implements DemandAddon {

    private final Template actions;
    private final CurrentUser currentUser;

    ModerationDemandAddon(@Location("ModerationPages/demandActions") Template actions, CurrentUser currentUser) {
        this.actions = actions;
        this.currentUser = currentUser;
    }

    @Override
    public String actions(long demandId, long authorId, Locale locale) {
        boolean own = currentUser.account().map(a -> a.id == authorId).orElse(false);
        return own ? "" : actions.data("demandId", demandId).setLocale(locale).render().strip();
    }
}
