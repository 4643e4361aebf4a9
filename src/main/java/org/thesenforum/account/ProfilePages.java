package org.thesenforum.account;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import io.quarkus.arc.All;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.thesenforum.account.ProfileViews.SessionView;
import org.thesenforum.account.ProfileViews.Settings;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/**
 * "Mein Konto" (profile, password, notification settings, devices, API tokens, the sections of other features, export and
 * deletion) and the pages of "Passwort vergessen?". Plain forms that work without JavaScript: a change redirects
 * back with a confirmation, a refusal shows the page again with the text next to the field.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    private static final Set<String> DONE = Set.of("profile", "password", "settings", "session", "token");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance account(AccountPage page);

        static native TemplateInstance forgot(boolean byMail, String email, String error, boolean sent);

        static native TemplateInstance reset(String token, String error, boolean unusable, int minPassword);

        static native TemplateInstance resetDone();

        static native TemplateInstance deleted();
    }

    /** What "Mein Konto" shows; {@code form} and {@code error} belong to the form that was sent, if any. */
    public record AccountPage(Account account, String since, List<SessionView> sessions, List<String> sections,
            ProfileForm form, PageError error, String done, List<Integer> hours, int minPassword,
            List<ApiTokens.TokenView> tokens, ApiTokens.CreatedToken created, String tokenName) {

        public int maxTokens() {
            return ApiTokens.MAX_PER_ACCOUNT;
        }

        public int maxTokenName() {
            return ApiTokens.MAX_NAME;
        }

        public long devices() {
            return sessions.size();
        }

        public boolean notifies(String mode) {
            return account.emailNotifications.name().equals(mode);
        }
    }

    /** The profile fields as typed (kept after a refusal). */
    public record ProfileForm(String displayName, String organisation, String place) {

        public ProfileForm {
            displayName = Objects.requireNonNullElse(displayName, "");
            organisation = Objects.requireNonNullElse(organisation, "");
            place = Objects.requireNonNullElse(place, "");
        }

        static ProfileForm of(Account a) {
            return new ProfileForm(a.displayName, a.organisation, a.place);
        }
    }

    /** A refusal on "Mein Konto": in form {@code form}, next to the input {@code field} or above the form. */
    public record PageError(String form, String field, String message) {

        static final PageError NONE = new PageError("", null, "");

        public boolean in(String name) {
            return name.equals(form);
        }

        public boolean on(String name, String input) {
            return in(name) && input.equals(field);
        }
    }

    private final AccountService accounts;
    private final ProfileService profiles;
    private final PasswordResets resets;
    private final CurrentUser currentUser;
    private final SessionCookies cookies;
    private final ReaderLanguage reader;
    private final List<AccountSection> sections;
    private final ApiTokens tokens;

    ProfilePages(AccountService accounts, ProfileService profiles, PasswordResets resets, CurrentUser currentUser,
            SessionCookies cookies, ReaderLanguage reader, @All List<AccountSection> sections, ApiTokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.profiles = profiles;
        this.resets = resets;
        this.currentUser = currentUser;
        this.cookies = cookies;
        this.reader = reader;
        this.sections = sections.stream().sorted(Comparator.comparingInt(AccountSection::order)).toList();
    }

    @GET
    @Path("account")
    @Authenticated
    public TemplateInstance account(@RestQuery String done) {
        Account account = currentUser.require();
        return page(account, ProfileForm.of(account), PageError.NONE, done != null && DONE.contains(done) ? done : "");
    }

    @POST
    @Path("account/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response profile(@RestForm String displayName, @RestForm String organisation, @RestForm String place) {
        Account me = currentUser.require();
        try {
            accounts.updateProfile(me, me.id, displayName, organisation, place);
            return done("profile");
        } catch (ProblemException e) {
            return refused(e, "profile", new ProfileForm(displayName, organisation, place));
        }
    }

    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response password(@RestForm String current, @RestForm("new") String next, @RestForm String repeat,
            @Context HttpServerRequest request) {
        Account me = currentUser.require();
        if (next != null && !next.equals(repeat)) {
            return refused(new ProblemException(422, "repeat",
                    ProfileService.text(ProfileMessages::problem_repeat_differs)), "password", null);
        }
        try {
            profiles.changePassword(me, current, next, currentUser.sessionId().orElse(null),
                    ProfileResource.addressOf(request));
            return done("password");
        } catch (ProblemException e) {
            return refused(e, "password", null);
        }
    }

    @POST
    @Path("account/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response settings(@RestForm String emailNotifications, @RestForm String digestHour,
            @RestForm String showPresence) {
        Account me = currentUser.require();
        try {
            EmailNotifications mode;
            try {
                mode = emailNotifications == null ? null : EmailNotifications.valueOf(emailNotifications);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("emailNotifications",
                        ProfileService.text(ProfileMessages::problem_setting_unknown));
            }
            Integer hour;
            try {
                hour = digestHour == null || digestHour.isBlank() ? null : Integer.valueOf(digestHour.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("digestHour", ProfileService.text(ProfileMessages::problem_digest_hour));
            }
            profiles.updateSettings(me, new Settings(mode, hour, showPresence != null));
            return done("settings");
        } catch (ProblemException e) {
            return refused(e, "settings", null);
        }
    }

    @POST
    @Path("account/sessions/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response endSession(@RestPath long id) {
        Account me = currentUser.require();
        try {
            profiles.endSession(me, id);
        } catch (ProblemException e) {
            return refused(e, "sessions", null);
        }
        if (currentUser.sessionId().filter(s -> s == id).isPresent()) {
            // Signing this very device out is a logout.
            return Response.seeOther(URI.create("/")).cookie(cookies.clear()).build();
        }
        return done("session");
    }

    /**
     * Makes a personal API token and shows the page with it, this once: the answer is not a redirect, since the
     * token is stored nowhere it could be shown again from, and it is kept out of caches.
     */
    @POST
    @Path("account/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response createToken(@RestForm String name) {
        Account me = currentUser.require();
        try {
            ApiTokens.refuseIfByToken(currentUser);
            ApiTokens.CreatedToken created = tokens.create(me, name);
            Account account = accounts.requireAccount(me.id);
            return LoginPages.page(200, page(account, ProfileForm.of(account), PageError.NONE, "", created, ""))
                    .header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            Account account = accounts.requireAccount(me.id);
            Response.ResponseBuilder builder = LoginPages.page(e.status(), page(account, ProfileForm.of(account),
                    new PageError("tokens", e.field(), e.message(reader.locale())), "", null,
                    name == null ? "" : name));
            e.headers().forEach(builder::header);
            return builder.build();
        }
    }

    @POST
    @Path("account/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response revokeToken(@RestPath long id) {
        Account me = currentUser.require();
        try {
            tokens.revoke(me, id);
        } catch (ProblemException e) {
            return refused(e, "tokens", null);
        }
        return done("token");
    }

    @POST
    @Path("account/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response delete(@RestForm String password, @Context HttpServerRequest request) {
        Account me = currentUser.require();
        try {
            profiles.delete(me, password, ProfileResource.addressOf(request));
        } catch (ProblemException e) {
            return refused(e, "delete", null);
        }
        return LoginPages.page(200, Templates.deleted()).cookie(cookies.clear()).build();
    }

    @GET
    @Path("password-reset")
    public TemplateInstance forgotForm() {
        return Templates.forgot(resets.byMail(), "", "", false);
    }

    @POST
    @Path("password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@RestForm String email, @Context HttpServerRequest request) {
        String shown = Objects.requireNonNullElse(email, "");
        try {
            resets.request(email, ProfileResource.addressOf(request), reader.locale());
            return LoginPages.page(200, Templates.forgot(true, shown, "", true)).build();
        } catch (ProblemException e) {
            Response.ResponseBuilder builder = LoginPages.page(e.status() == 400 ? 422 : e.status(),
                    Templates.forgot(resets.byMail(), shown, e.message(reader.locale()), false));
            e.headers().forEach(builder::header);
            return builder.build();
        }
    }

    @GET
    @Path("password-reset/{token}")
    public Response resetForm(@RestPath String token, @Context HttpServerResponse http) {
        personal(http);
        try {
            resets.check(token);
            return LoginPages.page(200, Templates.reset(token, "", false, AccountService.MIN_PASSWORD)).build();
        } catch (ProblemException e) {
            return LoginPages.page(e.status(),
                    Templates.reset(token, e.message(reader.locale()), true, AccountService.MIN_PASSWORD)).build();
        }
    }

    @POST
    @Path("password-reset/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestPath String token, @RestForm String password, @RestForm String repeat,
            @Context HttpServerResponse http) {
        personal(http);
        try {
            if (password != null && !password.equals(repeat)) {
                resets.check(token);
                throw new ProblemException(422, "repeat", ProfileService.text(ProfileMessages::problem_repeat_differs));
            }
            resets.complete(token, password);
        } catch (ProblemException e) {
            boolean unusable = e.status() == 404 || e.status() == 410;
            return LoginPages.page(e.status(),
                    Templates.reset(token, e.message(reader.locale()), unusable, AccountService.MIN_PASSWORD)).build();
        }
        // This browser's session (if any) has ended with all the others.
        return LoginPages.page(200, Templates.resetDone()).cookie(cookies.clear()).build();
    }

    private Response done(String what) {
        return Response.seeOther(URI.create("/account?done=" + what + "#" + what)).build();
    }

    private Response refused(ProblemException e, String form, ProfileForm typed) {
        Account me = accounts.requireAccount(currentUser.require().id);
        ProfileForm shown = typed == null ? ProfileForm.of(me) : typed;
        Response.ResponseBuilder builder = LoginPages.page(e.status(),
                page(me, shown, new PageError(form, e.field(), e.message(reader.locale())), ""));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    private TemplateInstance page(Account account, ProfileForm form, PageError error, String done) {
        return page(account, form, error, done, null, "");
    }

    private TemplateInstance page(Account account, ProfileForm form, PageError error, String done,
            ApiTokens.CreatedToken created, String tokenName) {
        List<String> rendered = sections.stream().flatMap(s -> s.render(account, reader.locale()).stream()).toList();
        return Templates.account(new AccountPage(account, LoginPages.date(account.createdAt),
                profiles.sessions(account, currentUser.sessionId().orElse(null)), rendered, form, error, done,
                IntStream.range(0, 24).boxed().toList(), AccountService.MIN_PASSWORD, tokens.list(account), created,
                tokenName));
    }

    /** A page whose address holds a reset token: kept out of caches and passing no referrer. */
    private static void personal(HttpServerResponse response) {
        if (response != null) {
            response.headers().set("Cache-Control", "no-store").set("Referrer-Policy", "no-referrer");
        }
    }
}
