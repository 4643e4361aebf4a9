package org.thesenforum.account;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.AccountViews.AccountView;
import org.thesenforum.account.AccountViews.Registration;
import org.thesenforum.web.LoginRedirect;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.TemplateExtensions;

/** HTML pages for signing in and out, registering with an invitation link and viewing one's own account. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    private static final Set<String> REGISTER_FIELDS =
            Set.of("displayName", "email", "organisation", "place", "password", "passwordRepeat");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance login(String next, String email, boolean failed, String refusal);

        static native TemplateInstance register(RegisterForm form, FormError error);

        static native TemplateInstance invitationUnusable(String message);
    }

    /** The registration form as sent back to the browser: everything except the passwords. */
    public record RegisterForm(String code, String displayName, String email, String organisation, String place) {

        public RegisterForm {
            code = Objects.requireNonNullElse(code, "");
            displayName = Objects.requireNonNullElse(displayName, "");
            email = Objects.requireNonNullElse(email, "");
            organisation = Objects.requireNonNullElse(organisation, "");
            place = Objects.requireNonNullElse(place, "");
        }

        public int minPassword() {
            return AccountService.MIN_PASSWORD;
        }
    }

    /** A refusal shown on a form page: next to the input {@code field}, or above the form when field is null. */
    public record FormError(String field, String message) {

        public static final FormError NONE = new FormError(null, "");

        /** The refusal in the reader's language; keeps the field only when the form has an input of that name. */
        static FormError of(ProblemException e, Set<String> formFields, Locale locale) {
            boolean known = e.field() != null && formFields.contains(e.field());
            return new FormError(known ? e.field() : null, e.message(locale));
        }

        public boolean on(String name) {
            return name.equals(field);
        }

        public boolean general() {
            return field == null && !message.isEmpty();
        }
    }

    private final AccountService accounts;
    private final InvitationService invitations;
    private final SessionCookies cookies;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;

    LoginPages(AccountService accounts, InvitationService invitations, SessionCookies cookies,
            CurrentUser currentUser, ReaderLanguage reader) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.cookies = cookies;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@RestQuery String next) {
        return Templates.login(LoginRedirect.safeNext(next), "", false, "");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String email, @RestForm String password, @RestForm String next,
            @Context HttpServerRequest request) {
        String target = LoginRedirect.safeNext(next);
        String shownEmail = Objects.requireNonNullElse(email, "");
        try {
            Optional<Account> account = accounts.login(email, password, addressOf(request));
            if (account.isEmpty()) {
                return page(401, Templates.login(target, shownEmail, true, "")).build();
            }
            return Response.seeOther(URI.create(target)).cookie(signIn(account.get(), request)).build();
        } catch (ProblemException e) {
            Response.ResponseBuilder builder =
                    page(e.status(), Templates.login(target, shownEmail, false, e.message(reader.locale())));
            e.headers().forEach(builder::header);
            return builder.build();
        }
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        currentUser.sessionId().ifPresent(accounts::logout);
        return Response.seeOther(URI.create("/")).cookie(cookies.clear()).build();
    }

    /** "Auf allen Geräten abmelden": ends every session of the account, this one included. */
    @POST
    @Path("logout-everywhere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response logoutEverywhere() {
        accounts.logoutEverywhere(currentUser.require().id);
        return Response.seeOther(URI.create("/")).cookie(cookies.clear()).build();
    }

    @GET
    @Path("register")
    public Response registerForm(@RestQuery String code) {
        String trimmed = code == null ? "" : code.trim();
        try {
            invitations.checkUsable(trimmed);
        } catch (ProblemException e) {
            return page(e.status(), Templates.invitationUnusable(e.message(reader.locale()))).build();
        }
        return page(200, Templates.register(new RegisterForm(trimmed, null, null, null, null), FormError.NONE)).build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String code, @RestForm String displayName, @RestForm String email,
            @RestForm String organisation, @RestForm String place, @RestForm String password,
            @RestForm String passwordRepeat, @Context HttpServerRequest request) {
        RegisterForm form = new RegisterForm(code, displayName, email, organisation, place);
        if (password != null && !password.equals(passwordRepeat)) {
            // The template supplies the text for this refusal.
            return page(422, Templates.register(form, new FormError("passwordRepeat", ""))).build();
        }
        try {
            AccountView created = accounts.register(new Registration(form.code().trim(), displayName, email, password,
                    organisation, place));
            Account account = accounts.requireAccount(created.id());
            return Response.seeOther(URI.create("/")).cookie(signIn(account, request)).build();
        } catch (ProblemException e) {
            if ("invitationCode".equals(e.field())) {
                return page(e.status(), Templates.invitationUnusable(e.message(reader.locale()))).build();
            }
            return page(e.status(), Templates.register(form, FormError.of(e, REGISTER_FIELDS, reader.locale())))
                    .build();
        }
    }

    private NewCookie signIn(Account account, HttpServerRequest request) {
        // Signing in again, or as someone else, replaces this browser's session instead of leaving it behind.
        currentUser.sessionId().ifPresent(accounts::logout);
        return cookies.issue(account.id, accounts.startSession(account, request.getHeader("User-Agent")));
    }

    static Response.ResponseBuilder page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page);
    }

    static String date(Instant instant) {
        return TemplateExtensions.shortDate(instant);
    }

    static String dateTime(Instant instant) {
        return TemplateExtensions.shortDateTime(instant);
    }

    private static String addressOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null ? "unknown" : host;
    }
}
