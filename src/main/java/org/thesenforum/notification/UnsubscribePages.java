package org.thesenforum.notification;

import java.util.OptionalLong;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.Account;
import org.thesenforum.account.EmailNotifications;

/**
 * The unsubscribe link of the notification mails, without signing in: the page asks first (a GET changes
 * nothing, so a mail scanner following the link does no harm), the button switches e-mail off.
 */
@Path("/benachrichtigungen/abmelden/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePages {

    private final UnsubscribeTokens tokens;

    UnsubscribePages(UnsubscribeTokens tokens) {
        this.tokens = tokens;
    }

    /** What the page shows: the address asked about (masked: the link may have reached someone else), whether it is done, or that the link is invalid. */
    public record View(String token, String email, boolean done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(View view);
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response confirm(@RestPath String token) {
        Account account = accountOf(token);
        if (account == null) {
            return invalid();
        }
        return Response.ok(Templates.unsubscribe(new View(token, masked(account.email), false))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response unsubscribe(@RestPath String token) {
        Account account = accountOf(token);
        if (account == null) {
            return invalid();
        }
        account.emailNotifications = EmailNotifications.OFF;
        return Response.ok(Templates.unsubscribe(new View(token, masked(account.email), true))).build();
    }

    /** The address as the page shows it: {@code m…@example.org}, enough to recognise one's own. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "…" + email.substring(at);
    }

    private Account accountOf(String token) {
        OptionalLong id = tokens.accountOf(token);
        if (id.isEmpty()) {
            return null;
        }
        Account account = Account.findById(id.getAsLong());
        return account == null || account.deleted() ? null : account;
    }

    private static Response invalid() {
        return Response.status(404).entity(Templates.unsubscribe(new View(null, null, false))).build();
    }
}
