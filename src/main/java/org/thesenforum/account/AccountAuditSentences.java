package org.thesenforum.account;

import static org.thesenforum.audit.AuditSentence.slot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.AuditLog.AuditView;
import org.thesenforum.audit.AuditMessages;
import org.thesenforum.audit.AuditSentence;
import org.thesenforum.audit.AuditSentence.Part;
import org.thesenforum.audit.AuditSentences;
import org.thesenforum.audit.AuditTexts;
import org.thesenforum.web.Languages;
import org.thesenforum.web.TemplateExtensions;

/** Tells the audit entries of accounts and invitations in sentences. */
@ApplicationScoped
class AccountAuditSentences implements AuditSentences {

    private static final Set<String> ACCOUNT_ACTIONS =
            Set.of("ROLE_CHANGED", "ACCOUNT_ENABLED", "ACCOUNT_DISABLED", "ADMIN_CREATED", "PROFILE_CHANGED",
                    "PASSWORD_RESET_LINK");
    private static final Set<String> INVITATION_ACTIONS = Set.of("INVITATION_CREATED", "INVITATION_REVOKED");

    @Override
    public Map<String, String> actions(Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        return Map.of("ROLE_CHANGED", m.action_role_changed(), "ACCOUNT_ENABLED", m.action_account_enabled(),
                "ACCOUNT_DISABLED", m.action_account_disabled(), "ADMIN_CREATED", m.action_admin_created(),
                "PROFILE_CHANGED", m.action_profile_changed(), "PASSWORD_RESET_LINK", m.action_password_reset_link(),
                "INVITATION_CREATED", m.action_invitation_created(), "INVITATION_REVOKED",
                m.action_invitation_revoked());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AuditSentence> describe(List<AuditView> entries, Locale locale) {
        AuditMessages m = AuditTexts.in(locale);
        Map<Long, AuditSentence> sentences = new HashMap<>();
        List<AuditView> accountEntries = AuditTexts.only(entries, ACCOUNT_ACTIONS);
        Map<Long, Account> accounts = load(Account.class, AuditTexts.targets(accountEntries));
        for (AuditView e : accountEntries) {
            Part actor = AuditTexts.actor(e, locale);
            Part person = person(accounts.get(e.targetId()), locale);
            AuditSentence sentence = switch (e.action()) {
                case "ROLE_CHANGED" -> AuditSentence.of(m.sentence_role_changed(slot(0), slot(1),
                        roleName(e.detail(), locale)), actor, person);
                case "ACCOUNT_ENABLED" -> AuditSentence.of(m.sentence_account_enabled(slot(0), slot(1)), actor,
                        person);
                case "ACCOUNT_DISABLED" -> AuditSentence.of(m.sentence_account_disabled(slot(0), slot(1)), actor,
                        person);
                case "PROFILE_CHANGED" -> AuditSentence.of(m.sentence_profile_changed(slot(0), slot(1)), actor,
                        person);
                case "PASSWORD_RESET_LINK" -> AuditSentence.of(m.sentence_password_reset_link(slot(0), slot(1)),
                        actor, person);
                default -> AuditSentence.of(m.sentence_admin_created(slot(0)), person);
            };
            sentences.put(e.id(), sentence);
        }
        List<AuditView> invitationEntries = AuditTexts.only(entries, INVITATION_ACTIONS);
        Map<Long, Invitation> invitations = load(Invitation.class, AuditTexts.targets(invitationEntries));
        for (AuditView e : invitationEntries) {
            Invitation i = invitations.get(e.targetId());
            Part actor = AuditTexts.actor(e, locale);
            String note = i == null ? null : i.note;
            String message = "INVITATION_CREATED".equals(e.action())
                    ? m.sentence_invitation_created(slot(0), i == null ? 1 : i.maxUses,
                            i == null ? "" : TemplateExtensions.shortDateTime(i.expiresAt), note)
                    : m.sentence_invitation_revoked(slot(0),
                            i == null ? "" : TemplateExtensions.shortDateTime(i.createdAt), note);
            sentences.put(e.id(), AuditSentence.of(message, actor));
        }
        return sentences;
    }

    /** An account, linked to its entry in the admin area's account list. */
    static Part person(Account account, Locale locale) {
        return AuditTexts.named(account == null ? null : account.displayName, account == null ? null
                : "/admin/accounts?q=" + URLEncoder.encode(account.displayName, StandardCharsets.UTF_8), locale);
    }

    /** The new role of a "EXPERT → MODERATOR" detail in words. */
    private static String roleName(String detail, Locale locale) {
        String name = detail == null ? "" : detail.substring(detail.lastIndexOf(' ') + 1);
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Languages.bundle(AccountMessages.class, locale).role(role);
            }
        }
        return name;
    }

    private static <T extends io.quarkus.hibernate.orm.panache.PanacheEntity> Map<Long, T> load(Class<T> type,
            List<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Collections.emptyMap();
        }
        List<T> found = type == Account.class ? Account.list("id in ?1", ids) : Invitation.list("id in ?1", ids);
        return found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }
}
