package org.thesenforum.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.thesenforum.web.MentionNames;

/** Finds the people {@code @Name} mentions name: enabled accounts whose display name looks the same. */
@ApplicationScoped
@Unremovable
class MentionDirectory implements MentionNames {

    @Override
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Person> resolve(Collection<String> candidates) {
        Map<String, String> bySkeleton = new HashMap<>();
        for (String candidate : candidates) {
            String skeleton = Lookalikes.nameSkeleton(candidate);
            if (!skeleton.isBlank() && skeleton.length() <= Lookalikes.MAX_SKELETON) {
                bySkeleton.putIfAbsent(skeleton, candidate);
            }
        }
        if (bySkeleton.isEmpty()) {
            return Map.of();
        }
        List<Account> accounts = Account.list("displayNameSkeleton in ?1 and enabled = true", bySkeleton.keySet());
        Map<String, Person> known = new HashMap<>();
        for (String candidate : candidates) {
            String skeleton = Lookalikes.nameSkeleton(candidate);
            accounts.stream().filter(a -> skeleton.equals(a.displayNameSkeleton)).findFirst()
                    .ifPresent(a -> known.put(candidate, new Person(a.id, a.displayName)));
        }
        return known;
    }
}
