package org.thesenforum.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/** On every start: make sure there is an admin (after {@link SkeletonBackfill} has normalised the addresses). */
@Singleton
class FirstAdmin {

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent event,
            AccountService accounts) {
        accounts.ensureAdmin();
    }
}
