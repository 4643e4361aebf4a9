package org.thesenforum.discussion;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/** On every start: import the shipped paper into a database that holds no discussion yet. */
@Singleton
class ShippedPaper {

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) StartupEvent event,
            PaperImporter papers) {
        papers.importShippedPaperIfEmpty();
    }
}
