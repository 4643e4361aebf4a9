package org.thesenforum.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.thesenforum.account.AccountService;
import org.thesenforum.discussion.PaperImporter;

/** On every start: make sure there is an admin, and import the shipped paper into an empty database. */
@Singleton
public class Bootstrap {

    void onStart(@Observes StartupEvent event, AccountService accounts, PaperImporter papers) {
        accounts.ensureAdmin();
        papers.importShippedPaperIfEmpty();
    }
}
