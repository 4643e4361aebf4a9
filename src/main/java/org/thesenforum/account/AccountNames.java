package org.thesenforum.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.thesenforum.audit.ActorNames;

/** Gives the audit log the display names of the accounts behind its entries. */
@ApplicationScoped
class AccountNames implements ActorNames {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Account> accounts = Account.list("id in ?1", ids);
        return accounts.stream().collect(Collectors.toMap(a -> a.id, a -> a.shownName()));
    }
}
