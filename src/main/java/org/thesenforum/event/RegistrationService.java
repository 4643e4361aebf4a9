package org.thesenforum.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.AccountViews.InvitationRequest;
import org.thesenforum.account.AccountViews.InvitationView;
import org.thesenforum.account.InvitationService;
import org.thesenforum.audit.AuditLog;
import org.thesenforum.discussion.Discussion;
import org.thesenforum.event.EventViews.RegistrationReceipt;
import org.thesenforum.event.EventViews.RegistrationState;
import org.thesenforum.event.EventViews.RegistrationView;
import org.thesenforum.web.ForumConfig;
import org.thesenforum.web.Inputs;
import org.thesenforum.web.ProblemException;
import org.thesenforum.web.SpreadsheetCsv;
import org.thesenforum.web.Text;

/**
 * Registration for events by people with or without an account: register (on the waiting list when full), see and
 * cancel with the personal token, and for organisers the list, check-in, CSV export and invitations to the forum.
 * Every change of an event's registrations runs under that event's row lock, so the last place and an e-mail address
 * are taken only once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RegistrationService {

    /** What a person types to register; {@code consent} must be true. */
    public record RegistrationInput(String name, String email, String organisation, String fieldOfWork, String note,
            Boolean consent) {
    }

    private final EventService events;
    private final EventEditor editor;
    private final Waitlist waitlist;
    private final FieldsOfWork fields;
    private final RegistrationMails mails;
    private final InvitationService invitations;
    private final AuditLog audit;
    private final ForumConfig config;

    RegistrationService(EventService events, EventEditor editor, Waitlist waitlist, FieldsOfWork fields,
            RegistrationMails mails, InvitationService invitations, AuditLog audit, ForumConfig config) {
        this.events = events;
        this.editor = editor;
        this.waitlist = waitlist;
        this.fields = fields;
        this.mails = mails;
        this.invitations = invitations;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Registers a person: confirmed while places are free, else on the waiting list. 409 (with {@code reason}) when
     * the event takes no registrations, registration was closed or its deadline has passed, and for an e-mail
     * address already registered.
     */
    @Transactional
    public RegistrationReceipt register(long eventId, RegistrationInput input, Locale locale) {
        RegistrationInput in = input == null ? new RegistrationInput(null, null, null, null, null, null) : input;
        String name = Inputs.requiredLine("name", in.name(), 200);
        String email = Registrations.checkEmail("email", in.email());
        String organisation = Inputs.requiredLine("organisation", in.organisation(), 200);
        String field = in.fieldOfWork() == null || in.fieldOfWork().isBlank() ? null : in.fieldOfWork().trim();
        if (field != null && !fields.contains(field)) {
            throw ProblemException.invalid("fieldOfWork", text(EventMessages::problem_field_of_work));
        }
        String note = in.note() == null || in.note().isBlank() ? null : Inputs.requiredText("note", in.note(), 1000);
        if (!Boolean.TRUE.equals(in.consent())) {
            throw ProblemException.invalid("consent", text(EventMessages::problem_consent));
        }
        ForumEvent e = editor.lock(eventId);
        long confirmed = Registration.countByStatus(e, Registration.Status.CONFIRMED);
        RegistrationState state = EventService.state(e, confirmed, events.now());
        if (!state.isOpen()) {
            throw closed(state);
        }
        if (Registration.findActive(e, email).isPresent()) {
            throw ProblemException.conflict("email", text(EventMessages::problem_email_registered));
        }
        String token = Registrations.newToken();
        Registration r = new Registration();
        r.event = e;
        r.status = state == RegistrationState.OPEN ? Registration.Status.CONFIRMED : Registration.Status.WAITLISTED;
        r.name = name;
        r.email = email;
        r.organisation = organisation;
        r.fieldOfWork = field;
        r.note = note;
        r.language = locale == null ? null : locale.getLanguage();
        r.tokenHash = Registrations.hash(token);
        r.createdAt = EventTimes.micros(events.now());
        r.persist();
        String cancelUrl = cancelUrl(token);
        mails.due(r.status == Registration.Status.CONFIRMED ? RegistrationMail.Kind.CONFIRMED
                : RegistrationMail.Kind.WAITLISTED, r, cancelUrl, null, locale);
        return receipt(r, cancelUrl);
    }

    /** The registration behind a personal link; 404 for a token we never gave out (or whose data is gone). */
    public RegistrationReceipt byToken(String token) {
        return receipt(find(token), cancelUrl(token));
    }

    /** Cancels the registration behind a personal link (again: no change); the next waiting person moves up. */
    @Transactional
    public RegistrationReceipt cancel(String token) {
        Registration found = find(token);
        ForumEvent e = editor.lock(found.event.id);
        Registration r = Registration.findById(found.id);
        if (r.status != Registration.Status.CANCELLED) {
            r.status = Registration.Status.CANCELLED;
            r.cancelledAt = EventTimes.micros(events.now());
            r.persist();
            Registration.flush();
            waitlist.fillFreePlaces(e);
        }
        return receipt(r, cancelUrl(token));
    }

    /** An event's registrations in the order they came (organisers). */
    public List<RegistrationView> list(long eventId, Account moderator, Locale locale) {
        EventEditor.requireOrganiser(moderator);
        ForumEvent e = events.require(eventId);
        List<RegistrationView> result = new ArrayList<>();
        int waiting = 0;
        for (Registration r : Registration.listByEvent(e)) {
            int position = r.status == Registration.Status.WAITLISTED ? ++waiting : 0;
            result.add(view(r, position, locale));
        }
        return result;
    }

    /** Marks a confirmed person as present, or takes it back. */
    @Transactional
    public RegistrationView setCheckedIn(long registrationId, boolean present, Account moderator, Locale locale) {
        EventEditor.requireOrganiser(moderator);
        Registration r = requireRegistration(registrationId);
        if (present && r.status != Registration.Status.CONFIRMED) {
            throw ProblemException.conflict("checkedIn", text(EventMessages::problem_check_in_unconfirmed));
        }
        r.checkedInAt = present ? (r.checkedInAt == null ? EventTimes.micros(events.now()) : r.checkedInAt) : null;
        return view(r, 0, locale);
    }

    /**
     * Creates a single-use invitation to the forum for a registered person (the existing invitations), keeps its
     * link on the registration for the organisers to hand over, and mails it when mail is configured.
     */
    @Transactional
    public RegistrationView invite(long registrationId, Account moderator, Locale locale) {
        EventEditor.requireOrganiser(moderator);
        Registration r = requireRegistration(registrationId);
        if (r.anonymisedAt != null || r.email == null) {
            throw ProblemException.conflict("registration", text(EventMessages::problem_contact_deleted));
        }
        if (r.invitationCode == null) {
            InvitationView invitation = invitations.create(new InvitationRequest(1, 30,
                    "Anmeldung " + r.event.title), moderator);
            r.invitationCode = invitation.code();
            r.invitedAt = EventTimes.micros(events.now());
            audit.record(moderator.id, "EVENT_REGISTRATION_INVITED", "event_registration", r.id, r.event.title);
            mails.due(RegistrationMail.Kind.INVITED, r, null, invitation.url(), r.locale(locale));
        }
        return view(r, 0, locale);
    }

    /**
     * Notes that a person registered for an event of the discussion asks for an invitation to the forum. The answer
     * is the same whether or not the address is registered, so nobody can find out who registered.
     */
    @Transactional
    public void requestInvitation(String slug, String rawEmail) {
        Discussion d = Discussion.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(
                text(EventMessages::problem_discussion_unknown)));
        String email = Registrations.checkEmail("email", rawEmail);
        if (Account.findByEmail(email).isPresent()) {
            return;
        }
        Instant now = EventTimes.micros(events.now());
        for (Registration r : Registration.<Registration>list(
                "event.discussion = ?1 and email = ?2 and status <> ?3", d, email, Registration.Status.CANCELLED)) {
            if (r.invitationRequestedAt == null) {
                r.invitationRequestedAt = now;
            }
        }
    }

    /** The registrations as CSV for spreadsheets ({@link SpreadsheetCsv}), in the reader's language. */
    public String csv(long eventId, Account moderator, Locale locale) {
        List<RegistrationView> rows = list(eventId, moderator, locale);
        EventMessages m = EventService.bundle(locale);
        List<String> header = List.of(m.csv_status(), m.csv_position(), m.csv_name(), m.csv_email(),
                m.csv_organisation(), m.csv_field_of_work(), m.csv_note(), m.csv_registered_at(), m.csv_checked_in_at(),
                m.csv_invitation_requested_at(), m.csv_invited_at());
        return SpreadsheetCsv.write(header, rows.stream().map(r -> row(r, m)).toList());
    }

    private static List<Object> row(RegistrationView r, EventMessages m) {
        return Arrays.asList(m.status(r.status().name()), r.waitingPosition() == 0 ? "" : r.waitingPosition(),
                r.name(), r.email(), r.organisation(), r.fieldOfWorkLabel(), r.note(), time(r.createdAt()),
                time(r.checkedInAt()), time(r.invitationRequestedAt()), time(r.invitedAt()));
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : EventFormat.shortInstant(t.toInstant());
    }

    /**
     * Removes the contact data (name, e-mail, organisation, note, invitation link) of registrations for events that
     * ended more than the retention time before {@code now}; status and field of work stay for the counts. Returns
     * how many registrations were anonymised.
     */
    @Transactional
    public int deleteExpiredContactData(Instant now, java.time.Duration retention) {
        int count = 0;
        for (ForumEvent e : ForumEvent.<ForumEvent>listAll()) {
            if (!e.over().plus(retention).isBefore(now)) {
                continue;
            }
            for (Registration r : Registration.<Registration>list("event = ?1 and anonymisedAt is null", e)) {
                r.name = null;
                r.email = null;
                r.organisation = null;
                r.note = null;
                r.invitationCode = null;
                r.anonymisedAt = EventTimes.micros(now);
                count++;
            }
        }
        return count;
    }

    private Registration find(String token) {
        Registration r = Registrations.wellFormed(token)
                ? Registration.findByTokenHash(Registrations.hash(token)).orElse(null) : null;
        if (r == null || r.anonymisedAt != null) {
            throw ProblemException.notFound(text(EventMessages::problem_registration_unknown));
        }
        return r;
    }

    private static Registration requireRegistration(long id) {
        Registration r = Registration.findById(id);
        if (r == null) {
            throw ProblemException.notFound(text(EventMessages::problem_registration_unknown));
        }
        return r;
    }

    private RegistrationReceipt receipt(Registration r, String cancelUrl) {
        return new RegistrationReceipt(r.event.id, r.event.title, r.status, r.name, r.email, waitingPosition(r),
                cancelUrl);
    }

    private static int waitingPosition(Registration r) {
        if (r.status != Registration.Status.WAITLISTED) {
            return 0;
        }
        return (int) Registration.count(
                "event = ?1 and status = ?2 and (createdAt < ?3 or (createdAt = ?3 and id < ?4))", r.event, Registration.Status.WAITLISTED, r.createdAt, r.id) + 1;
    }

    private RegistrationView view(Registration r, int position, Locale locale) {
        return new RegistrationView(r.id, r.event.id, r.status, r.name, r.email, r.organisation, r.fieldOfWork,
                r.fieldOfWork == null ? null : fields.label(r.fieldOfWork, locale), r.note,
                EventTimes.berlin(r.createdAt), EventTimes.berlin(r.checkedInAt),
                EventTimes.berlin(r.invitationRequestedAt), EventTimes.berlin(r.invitedAt),
                r.invitationCode == null ? null : invitations.url(r.invitationCode), r.anonymisedAt != null,
                position == 0 ? waitingPosition(r) : position);
    }

    String cancelUrl(String token) {
        return org.thesenforum.web.BaseUrls.configuredOrFallback(config) + "/anmeldung/" + token;
    }

    private static ProblemException closed(RegistrationState state) {
        Text reason = switch (state) {
            case DEADLINE_PASSED -> text(EventMessages::problem_deadline_passed);
            case CLOSED -> text(EventMessages::problem_registration_closed);
            default -> text(EventMessages::problem_no_registration);
        };
        return ProblemException.conflict(null, reason).with(Map.of("reason", state.name()));
    }

    private static Text text(java.util.function.Function<EventMessages, String> message) {
        return EventService.text(message);
    }
}
