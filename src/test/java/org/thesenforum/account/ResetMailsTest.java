package org.thesenforum.account;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

import org.junit.jupiter.api.Test;

/** The reset mail is handed over without waiting for the mail server, so the answer time tells nothing. */
class ResetMailsTest {

    @Test
    void deliveringDoesNotWaitForTheMailServer() {
        AtomicBoolean handedOver = new AtomicBoolean();
        ReactiveMailer stalled = mailer(() -> {
            handedOver.set(true);
            return Uni.createFrom().emitter(e -> {
                // A mail server that never answers.
            });
        });
        ResetMails mails = new ResetMails(stalled, null, null);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> mails.deliver(Mail.withText("a@example.org", "s", "b")));
        assertTrue(handedOver.get());
    }

    @Test
    void aFailingMailServerIsLoggedNotThrown() {
        ReactiveMailer failing = mailer(() -> Uni.createFrom().failure(new IllegalStateException("SMTP down")));
        new ResetMails(failing, null, null).deliver(Mail.withText("a@example.org", "s", "b"));
    }

    private static ReactiveMailer mailer(java.util.function.Supplier<Uni<Void>> send) {
        return (ReactiveMailer) Proxy.newProxyInstance(ReactiveMailer.class.getClassLoader(),
                new Class<?>[] { ReactiveMailer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        return send.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
