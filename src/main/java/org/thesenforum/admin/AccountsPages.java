package org.thesenforum.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
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
import org.thesenforum.account.Account;
import org.thesenforum.account.AccountService;
import org.thesenforum.account.CurrentUser;
import org.thesenforum.account.PasswordResets;
import org.thesenforum.account.Role;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;
import org.thesenforum.web.TemplateExtensions;

/**
 * The admins' list of accounts: search, and per account its role, whether it is active, its profile, and a one-time
 * link to set a new password.
 */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("ADMIN")
public class AccountsPages {

    static final int PAGE_SIZE = 20;
    private static final Set<String> DONE = Set.of("role", "enabled", "disabled", "profile");
    private static final Set<String> PROFILE_FIELDS = Set.of("displayName", "organisation", "place");

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance accounts(AccountsView view);
    }

    /** The page: the search, one page of matching accounts, and what just happened. */
    public record AccountsView(String query, List<AccountRow> accounts, long total, int page, int pages,
            List<Role> roles, long selfId, String done, Long doneId, String error, Long errorId,
            ProfileForm profile, ResetLink reset) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        /** The refused profile form of this account, or null. */
        public ProfileForm profileFor(long id) {
            return profile != null && profile.accountId() == id ? profile : null;
        }

        /** The reset link just made for this account, or null. */
        public ResetLink resetFor(long id) {
            return reset != null && reset.accountId() == id ? reset : null;
        }

        /** The search as a query string part for links and redirects, empty without a search. */
        public String queryParam() {
            return query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
        }
    }

    /** One account as listed. */
    public record AccountRow(long id, String displayName, String email, String organisation, String place, Role role,
            boolean enabled, boolean deleted, String since) {

        static AccountRow of(Account a) {
            return new AccountRow(a.id, a.displayName, a.email, Objects.requireNonNullElse(a.organisation, ""),
                    Objects.requireNonNullElse(a.place, ""), a.role, a.enabled, a.deleted(),
                    TemplateExtensions.shortDateTime(a.createdAt));
        }
    }

    /** The profile form of one account as typed, after a refusal; {@code field} names the input at fault. */
    public record ProfileForm(long accountId, String displayName, String organisation, String place, String field) {
    }

    /** A reset link just made for an account: shown this once, to be handed over. */
    public record ResetLink(long accountId, String url, String validUntil) {
    }

    private final AccountService accounts;
    private final PasswordResets resets;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final ForumConfig config;

    AccountsPages(AccountService accounts, PasswordResets resets, CurrentUser currentUser, ReaderLanguage reader,
            ForumConfig config) {
        this.accounts = accounts;
        this.resets = resets;
        this.currentUser = currentUser;
        this.reader = reader;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery String page, @RestQuery String done,
            @RestQuery Long id) {
        return Templates.accounts(view(q, page, done != null && DONE.contains(done) ? done : "", id, null, null,
                null, null));
    }

    /** Name, organisation and place of an account (audit-logged by the account service). */
    @POST
    @Path("{id}/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editProfile(@RestPath long id, @RestForm String displayName, @RestForm String organisation,
            @RestForm String place, @RestForm String q, @RestForm String page) {
        try {
            accounts.updateProfile(currentUser.require(), id, displayName, organisation, place);
            return back(q, page, "profile", id);
        } catch (ProblemException e) {
            String field = e.field() != null && PROFILE_FIELDS.contains(e.field()) ? e.field() : null;
            ProfileForm typed = new ProfileForm(id, Objects.requireNonNullElse(displayName, ""),
                    Objects.requireNonNullElse(organisation, ""), Objects.requireNonNullElse(place, ""), field);
            return page(e, view(q, page, "", null, e.message(reader.locale()), id, typed, null));
        }
    }

    /**
     * "Link zum Zurücksetzen erstellen": a one-time link to set a new password, for the admin to hand over. It is
     * shown in this answer only (no redirect, so it appears in no address bar or history).
     */
    @POST
    @Path("{id}/reset-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetLink(@RestPath long id, @RestForm String q, @RestForm String page,
            @Context HttpServerRequest request) {
        try {
            String url = resets.createLinkFor(currentUser.require(), id, AdminRequests.base(config, request));
            String until = TemplateExtensions.shortDateTime(Instant.now().plus(PasswordResets.VALID));
            return Response.ok(Templates.accounts(view(q, page, "", null, null, null, null,
                    new ResetLink(id, url, until)))).header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            return page(e, view(q, page, "", null, e.message(reader.locale()), id, null, null));
        }
    }

    @POST
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@RestPath long id, @RestForm String role, @RestForm String q, @RestForm String page) {
        try {
            accounts.changeRole(id, role(role), currentUser.require());
            return back(q, page, "role", id);
        } catch (ProblemException e) {
            return refused(e, q, page, id);
        }
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setEnabled(@RestPath long id, @RestForm String enabled, @RestForm String q,
            @RestForm String page) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new BadRequestException();
        }
        boolean enable = Boolean.parseBoolean(enabled);
        try {
            accounts.setEnabled(id, enable, currentUser.require());
            return back(q, page, enable ? "enabled" : "disabled", id);
        } catch (ProblemException e) {
            return refused(e, q, page, id);
        }
    }

    static Response back(String q, String page, String done, long id) {
        String query = q == null || q.isBlank() ? ""
                : "q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8) + "&";
        Long p = Inputs.number(page);
        String pageParam = p == null || p <= 1 ? "" : "page=" + p + "&";
        return Response.seeOther(URI.create("/admin/accounts?" + query + pageParam + "done=" + done + "&id=" + id
                + "#account-" + id)).build();
    }

    private Response refused(ProblemException e, String q, String page, long id) {
        return page(e, view(q, page, "", null, e.message(reader.locale()), id, null, null));
    }

    private static Response page(ProblemException e, AccountsView view) {
        Response.ResponseBuilder builder = Response.fromResponse(AdminRequests.page(e.status(),
                Templates.accounts(view)));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AccountsView view(String q, String page, String done, Long doneId, String error, Long errorId,
            ProfileForm profile, ResetLink reset) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        String where = "1 = 1";
        Object[] params = {};
        if (!query.isEmpty()) {
            where = "lower(displayName) like ?1 escape '!' or lower(email) like ?1 escape '!'"
                    + " or lower(coalesce(organisation, '')) like ?1 escape '!'";
            params = new Object[] { "%" + query.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%" };
        }
        long total = Account.count(where, params);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = pageIndex(page, pages);
        List<AccountRow> rows = Account.<Account>find(where + " order by lower(displayName), id", params)
                .page(current, PAGE_SIZE).list().stream().map(AccountRow::of).toList();
        return new AccountsView(query, rows, total, current, pages, Arrays.asList(Role.values()),
                currentUser.require().id, done, doneId, error, errorId, profile, reset);
    }

    /** The 0-based page that the 1-based {@code page} parameter names, kept within the pages there are. */
    static int pageIndex(String page, int pages) {
        Long asked = Inputs.number(page);
        return asked == null || asked < 1 ? 0 : (int) Math.min(asked - 1, pages - 1);
    }

    /** An unknown role is passed on as none, which the service refuses with a message. */
    private static Role role(String value) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst().orElse(null);
    }
}
