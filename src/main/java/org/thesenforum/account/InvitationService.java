package org.thesenforum.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.AccountViews.InvitationRequest;
import org.thesenforum.account.AccountViews.InvitationView;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.web.BaseUrls;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** Invitation links: created by moderators and admins, used up by registrations. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InvitationService {

    public static final int MAX_USES = 1000;
    public static final int MAX_VALID_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuditLog audit;
    private final ForumConfig config;

    InvitationService(AuditLog audit, ForumConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public InvitationView create(InvitationRequest request, Account creator) {
        InvitationRequest r = request == null ? new InvitationRequest(null, null, null) : request;
        int maxUses = r.maxUses() == null ? 1 : r.maxUses();
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw ProblemException.invalid("maxUses", text(m -> m.problem_max_uses(MAX_USES)));
        }
        int days = r.validDays() == null ? 30 : r.validDays();
        if (days < 1 || days > MAX_VALID_DAYS) {
            throw ProblemException.invalid("validDays", text(m -> m.problem_valid_days(MAX_VALID_DAYS)));
        }
        Invitation invitation = new Invitation();
        invitation.code = newCode();
        invitation.createdBy = creator;
        invitation.maxUses = maxUses;
        invitation.expiresAt = Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        invitation.note = Inputs.optionalLine("note", r.note(), 200);
        invitation.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        invitation.persist();
        audit.record(creator.id, "INVITATION_CREATED", "invitation", invitation.id,
                maxUses + "× bis " + invitation.expiresAt + (invitation.note == null ? "" : " – " + invitation.note));
        return view(invitation);
    }

    public List<InvitationView> newest(int limit) {
        return Invitation.<Invitation>find("order by createdAt desc, id desc").page(0, limit).list().stream()
                .map(this::view).toList();
    }

    /** The newest invitations with their state, their links starting with {@code base} (see web.BaseUrls). */
    public List<InvitationEntry> newest(int limit, String base) {
        Instant now = Instant.now();
        return Invitation.<Invitation>find("order by createdAt desc, id desc").page(0, limit).list().stream()
                .map(i -> entry(i, base, now)).toList();
    }

    /**
     * Takes an invitation back: from now on it refuses registrations (accounts made with it stay). Revoking it again
     * changes nothing and records nothing.
     */
    @Transactional
    public InvitationEntry revoke(long id, Account moderator, String base) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null) {
            throw ProblemException.notFound(text(AccountMessages::problem_invitation_not_found));
        }
        if (invitation.revokedAt == null) {
            invitation.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            audit.record(moderator.id, "INVITATION_REVOKED", "invitation", invitation.id,
                    invitation.uses + "/" + invitation.maxUses
                            + (invitation.note == null ? "" : " – " + invitation.note));
        }
        return entry(invitation, base, Instant.now());
    }

    /** Refuses unknown (422), revoked, used-up and expired (409) codes. */
    public Invitation checkUsable(String code) {
        Invitation invitation = Invitation.findByCode(code).orElseThrow(() -> ProblemException.invalid(
                "invitationCode", text(AccountMessages::problem_invitation_unknown)));
        if (invitation.isRevoked()) {
            throw ProblemException.conflict("invitationCode", text(AccountMessages::problem_invitation_revoked));
        }
        if (invitation.isExpired(Instant.now())) {
            throw ProblemException.conflict("invitationCode", text(AccountMessages::problem_invitation_expired));
        }
        if (invitation.isUsedUp()) {
            throw ProblemException.conflict("invitationCode", text(AccountMessages::problem_invitation_used));
        }
        return invitation;
    }

    /** Counts one use atomically, so two people cannot both take the last place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(String code) {
        int updated = Invitation.update("uses = uses + 1 where code = ?1 and uses < maxUses and revokedAt is null",
                code);
        if (updated != 1) {
            throw ProblemException.conflict("invitationCode", text(AccountMessages::problem_invitation_used));
        }
    }

    public String url(String code) {
        return url(BaseUrls.configuredOrFallback(config), code);
    }

    /** The registration link of {@code code} on the forum at {@code base} (no trailing slash). */
    public static String url(String base, String code) {
        return base + "/register?code=" + code;
    }

    private InvitationEntry entry(Invitation i, String base, Instant now) {
        return new InvitationEntry(i.id, i.code, url(base, i.code), i.maxUses, i.uses, i.expiresAt, i.note,
                i.createdBy.displayName, i.createdAt, i.status(now), i.revokedAt);
    }

    private InvitationView view(Invitation i) {
        return new InvitationView(i.id, i.code, url(i.code), i.maxUses, i.uses, i.expiresAt, i.note,
                i.createdBy.displayName, i.createdAt);
    }

    private static Text text(Function<AccountMessages, String> message) {
        return Text.of(AccountMessages.class, message);
    }

    private static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
