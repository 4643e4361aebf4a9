package org.thesenforum.account;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.thesenforum.account.ProfileViews.ProfileView;
import org.thesenforum.account.ProfileViews.SessionView;
import org.thesenforum.account.ProfileViews.Settings;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.ReaderLanguage;

/** JSON API of one's own account ({@code /api/me…}) and of password resets; nobody reaches another's account here. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Own account")
public class ProfileResource {

    private final ProfileService profiles;
    private final PasswordResets resets;
    private final CurrentUser currentUser;
    private final ReaderLanguage reader;
    private final ApiTokens tokens;

    ProfileResource(ProfileService profiles, PasswordResets resets, CurrentUser currentUser,
            ReaderLanguage reader, ApiTokens tokens) {
        this.tokens = tokens;
        this.profiles = profiles;
        this.resets = resets;
        this.currentUser = currentUser;
        this.reader = reader;
    }

    /**
     * A change of one's own profile: only the fields sent change; an explicit null for organisation or place clears
     * it. Setters note which fields came, so an absent field and a null one differ.
     */
    public static class ProfilePatch {

        private String displayName;
        @Schema(hidden = true)
        private boolean displayNameSent;
        private String organisation;
        @Schema(hidden = true)
        private boolean organisationSent;
        private String place;
        @Schema(hidden = true)
        private boolean placeSent;
        private EmailNotifications emailNotifications;
        private Integer digestHour;
        private Boolean showPresence;
        /** The first setting sent as null, which cannot be cleared. */
        @Schema(hidden = true)
        private String nullSetting;

        @JsonSetter("displayName")
        public void setDisplayName(String value) {
            displayName = value;
            displayNameSent = true;
        }

        @JsonSetter("organisation")
        public void setOrganisation(String value) {
            organisation = value;
            organisationSent = true;
        }

        @JsonSetter("place")
        public void setPlace(String value) {
            place = value;
            placeSent = true;
        }

        @JsonSetter("emailNotifications")
        public void setEmailNotifications(EmailNotifications value) {
            emailNotifications = value;
            if (value == null && nullSetting == null) {
                nullSetting = "emailNotifications";
            }
        }

        @JsonSetter("digestHour")
        public void setDigestHour(Integer value) {
            digestHour = value;
            if (value == null && nullSetting == null) {
                nullSetting = "digestHour";
            }
        }

        @JsonSetter("showPresence")
        public void setShowPresence(Boolean value) {
            showPresence = value;
            if (value == null && nullSetting == null) {
                nullSetting = "showPresence";
            }
        }
    }

    /** Body of a password change. */
    public record PasswordChange(String current, @com.fasterxml.jackson.annotation.JsonProperty("new") String next) {
    }

    /** Body of deleting one's account. */
    public record Deletion(String password) {
    }

    /** Body of making a personal API token. */
    public record NewToken(String name) {
    }

    /** Body of asking for a reset link. */
    public record ResetRequest(String email) {
    }

    /** Body of setting a password through a reset link. */
    public record NewPassword(String password) {
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in account with its notification settings")
    public ProfileView me() {
        return ProfileView.of(currentUser.require());
    }

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Change one's own name, organisation, place or notification settings (any subset)")
    public ProfileView update(ProfilePatch patch) {
        ProfilePatch p = ProblemException.requireBody(patch);
        Account me = currentUser.require();
        if (p.nullSetting != null) {
            throw ProblemException.invalid(p.nullSetting, ProfileService.text(ProfileMessages::problem_setting_null));
        }
        boolean profile = p.displayNameSent || p.organisationSent || p.placeSent;
        return profiles.update(me, profile ? p.displayNameSent ? p.displayName : me.displayName : null,
                p.organisationSent ? p.organisation : me.organisation, p.placeSent ? p.place : me.place, profile,
                new Settings(p.emailNotifications, p.digestHour, p.showPresence));
    }

    @PUT
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Change one's password; every other session ends, this one stays, every API token is revoked")
    public Response changePassword(PasswordChange change, @Context HttpServerRequest request) {
        PasswordChange c = ProblemException.requireBody(change);
        profiles.changePassword(currentUser.require(), c.current(), c.next(), currentUser.sessionId().orElse(null),
                addressOf(request));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Delete one's account (with its password); contributions stay as by a deleted account")
    public Response delete(Deletion deletion, @Context HttpServerRequest request) {
        profiles.delete(currentUser.require(), ProblemException.requireBody(deletion).password(), addressOf(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/me/export")
    @Authenticated
    @Operation(summary = "Everything the forum holds of one's account, as a JSON download")
    public Response export() {
        Map<String, Object> data = profiles.export(currentUser.require());
        return Response.ok(data).header("Content-Disposition", "attachment; filename=\"thesenforum-daten.json\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/me/sessions")
    @Authenticated
    @Operation(summary = "The devices one is signed in on, most recently used first")
    public List<SessionView> sessions() {
        return profiles.sessions(currentUser.require(), currentUser.sessionId().orElse(null));
    }

    @DELETE
    @Path("/me/sessions/{id}")
    @Authenticated
    @Operation(summary = "Sign one of one's devices out")
    public Response endSession(@RestPath long id) {
        profiles.endSession(currentUser.require(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/me/tokens")
    @Authenticated
    @Operation(summary = "One's personal API tokens, newest first, with their last use (never the tokens themselves)")
    public List<ApiTokens.TokenView> tokens() {
        return tokens.list(currentUser.require());
    }

    @POST
    @Path("/me/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Make a personal API token for scripts (Authorization: Bearer); the answer shows it this once."
            + " Refused (403) when the request itself signed in with a token")
    public Response createToken(NewToken body) {
        ApiTokens.refuseIfByToken(currentUser);
        ApiTokens.CreatedToken created = tokens.create(currentUser.require(), ProblemException.requireBody(body).name());
        return Response.status(201).entity(created).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/me/tokens/{id}")
    @Authenticated
    @Operation(summary = "Revoke one of one's personal API tokens; its live connections close")
    public Response revokeToken(@RestPath long id) {
        tokens.revoke(currentUser.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/password-resets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a password-reset link by e-mail; 202 whether or not the address has an account")
    public Response requestReset(ResetRequest body, @Context HttpServerRequest request) {
        resets.request(ProblemException.requireBody(body).email(), addressOf(request), reader.locale());
        return Response.accepted().build();
    }

    @POST
    @Path("/password-resets/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with a reset link; ends every session of the account")
    public Response completeReset(@RestPath String token, NewPassword body) {
        resets.complete(token, ProblemException.requireBody(body).password());
        return Response.noContent().build();
    }

    static String addressOf(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null ? "unknown" : host;
    }
}
