package org.thesenforum.demand;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.AccountSection;

/** On "Mein Konto": the demands the person proposed, each linking to it on its discussion's board (account's outlet). */
@ApplicationScoped
class DemandAccountSection implements AccountSection {

    private static final int SHOWN = 50;

    /** One of the person's demands as listed there. */
    record Line(String url, String title, String discussion, Instant createdAt, Demand.Status status) {
    }

    private final Template section;

    DemandAccountSection(@Location("DemandAccountSection/demands") Template section) {
        this.section = section;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> render(Account account, Locale locale) {
        List<Demand> demands = Demand.find("from Demand d join fetch d.discussion where d.author.id = ?1 "
                + "order by d.createdAt desc, d.id desc", account.id).page(0, SHOWN).list();
        List<Line> lines = demands.stream().map(d -> new Line("/discussions/" + d.discussion.slug + "/demands#d" + d.id,
                d.title, d.discussion.title, d.createdAt, d.status)).toList();
        return Optional.of(section.data("lines", lines).setLocale(locale).render());
    }
}
