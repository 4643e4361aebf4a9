package org.thesenforum.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.thesenforum.web.MentionNames;

/** Finds the people {@code @Name} mentions name: live, enabled accounts whose display name looks the same. */
@ApplicationScoped
@Unremovable
class MentionDirectory implements MentionNames {

    /** Names per query: far below the bind value limit of the PostgreSQL driver (32,767). */
    static final int CHUNK = 500;

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
        Map<String, Account> bySkeletonFound = new HashMap<>();
        List<String> skeletons = new ArrayList<>(bySkeleton.keySet());
        for (int from = 0; from < skeletons.size(); from += CHUNK) {
            List<Account> accounts = Account.list("displayNameSkeleton in ?1 and enabled = true and deletedAt is null order by id",
                    skeletons.subList(from, Math.min(skeletons.size(), from + CHUNK)));
            accounts.forEach(a -> bySkeletonFound.putIfAbsent(a.displayNameSkeleton, a));
        }
        Map<String, Person> known = new HashMap<>();
        for (String candidate : candidates) {
            Account a = bySkeletonFound.get(Lookalikes.nameSkeleton(candidate));
            if (a != null) {
                known.put(candidate, new Person(a.id, a.displayName));
            }
        }
        return known;
    }
}
