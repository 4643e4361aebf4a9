package org.thesenforum.account;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.Messages;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.Text;

/** The checks of what people type into their account (e-mail, password, names) and the refusals they lead to. */
final class AccountChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private AccountChecks() {
    }

    /** A skeleton that can be stored: neither empty (only invisible characters) nor beyond the column. */
    static String checkSkeleton(String field, String skeleton) {
        if (skeleton.isEmpty()) {
            throw ProblemException.invalid(field, Text.of(Messages.class, Messages::problem_blank));
        }
        if (skeleton.length() > Lookalikes.MAX_SKELETON) {
            throw ProblemException.invalid(field, text(AccountMessages::problem_unusual_characters));
        }
        return skeleton;
    }

    /**
     * The skeleton of a display name a live account may take: a stored skeleton ({@link #checkSkeleton}) that does
     * not look like the label deleted accounts are shown with ("gelöschtes Konto", "deleted account"), since their
     * own skeletons are cleared and would not reserve it.
     */
    static String checkNameSkeleton(String skeleton) {
        checkSkeleton("displayName", skeleton);
        for (Locale language : org.thesenforum.web.Languages.OFFERED) {
            String label = Text.of(ProfileMessages.class, ProfileMessages::deleted_account).in(language);
            if (skeleton.equals(Lookalikes.nameSkeleton(label))) {
                throw nameLookalike();
            }
        }
        return skeleton;
    }

    /** The refusal for a registration that lost to another one at the unique indexes. */
    static ProblemException conflictOf(PersistenceException e) {
        String constraint = null;
        for (Throwable t = e; t != null && constraint == null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                constraint = Objects.requireNonNullElse(violation.getConstraintName(), String.valueOf(t.getMessage()));
            }
        }
        if (constraint == null) {
            throw e;
        }
        String name = constraint.toLowerCase(Locale.ROOT);
        if (name.contains("display_name_skeleton")) {
            return nameLookalike();
        }
        return name.contains("email_skeleton") ? emailLookalike() : emailTaken();
    }

    static ProblemException emailTaken() {
        return ProblemException.conflict("email", text(AccountMessages::problem_email_taken));
    }

    static ProblemException emailLookalike() {
        return ProblemException.conflict("email", text(AccountMessages::problem_email_lookalike));
    }

    static ProblemException nameLookalike() {
        return ProblemException.conflict("displayName", text(AccountMessages::problem_name_lookalike));
    }

    static String checkEmail(String raw) {
        String email = Account.normaliseEmail(Inputs.requiredLine("email", raw, 254));
        // Normalising may lengthen the address (NFKC spells out ligatures), so the column limit is checked after it.
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ProblemException.invalid("email", text(AccountMessages::problem_email_invalid));
        }
        return email;
    }

    static String checkPassword(String password) {
        return checkPassword("password", password);
    }

    /** The registration's rules for a new password sent in {@code field}. */
    static String checkPassword(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < AccountService.MIN_PASSWORD) {
            throw ProblemException.invalid(field, text(m -> m.problem_password_short(AccountService.MIN_PASSWORD)));
        }
        if (Passwords.tooLong(password)) {
            throw ProblemException.invalid(field,
                    text(m -> m.problem_password_long(AccountService.MAX_PASSWORD_BYTES)));
        }
        return password;
    }

    static ProblemException tooLongPassword() {
        return ProblemException.invalid("password", text(m -> m.problem_password_long(AccountService.MAX_PASSWORD_BYTES)));
    }

    static Text text(Function<AccountMessages, String> message) {
        return Text.of(AccountMessages.class, message);
    }
}
