package org.thesenforum.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.account.Account;
import org.thesenforum.account.PersonalData;

/**
 * In the export of a person's data (account's outlet): their event registrations, found by the account's e-mail
 * address (registering needs no account), compared case-insensitively.
 */
@ApplicationScoped
class EventPersonalData implements PersonalData {

    record ExportedRegistration(long eventId, String event, String status, String name, String email,
            String organisation, String fieldOfWork, String note, Instant createdAt, Instant cancelledAt) {
    }

    @Override
    public String name() {
        return "eventRegistrations";
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Object of(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null || account.email == null) {
            return List.of();
        }
        List<Registration> registrations = Registration.list("from Registration r join fetch r.event "
                + "where lower(r.email) = ?1 order by r.createdAt, r.id", account.email.toLowerCase(java.util.Locale.ROOT));
        return registrations.stream().map(r -> new ExportedRegistration(r.event.id, r.event.title, r.status.name(),
                r.name, r.email, r.organisation, r.fieldOfWork, r.note, r.createdAt, r.cancelledAt)).toList();
    }
}
