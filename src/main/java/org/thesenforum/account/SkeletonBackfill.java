package org.thesenforum.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

/**
 * At start-up, normalises the e-mail addresses of accounts stored before look-alikes were refused and fills their
 * skeletons; rows already done are skipped, so it runs on every start. A row that would collide with another keeps
 * what it has and is logged for an admin to look at.
 */
@Singleton
public class SkeletonBackfill {

    /**
     * Before {@code FirstAdmin} looks for the admin by its normalised address. A failure (an account registered on
     * another instance with a skeleton claimed here at the same moment) does not stop the start: the next start
     * tries again.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(this::fill);
        } catch (RuntimeException e) {
            Log.warnf("Could not fill the look-alike skeletons (%s); the next start tries again", e.getMessage());
        }
    }

    /** Returns the number of accounts it left without a skeleton because they look like another one. */
    @Transactional
    int fill() {
        Set<String> nameSkeletons = new HashSet<>(column("displayNameSkeleton"));
        letGoOfOutdatedNameSkeletons(nameSkeletons);
        // Deleted accounts keep no skeletons on purpose: they hold no address or name anyone could imitate.
        List<Account> pending = Account.list("deletedAt is null and (emailSkeleton is null or displayNameSkeleton is null)"
                + " order by id");
        if (pending.isEmpty()) {
            return 0;
        }
        Set<String> emails = new HashSet<>(column("email"));
        Set<String> emailSkeletons = new HashSet<>(column("emailSkeleton"));
        int left = 0;
        for (Account account : pending) {
            String email = Lookalikes.normaliseEmail(account.email);
            if (!email.equals(account.email) && email.length() <= 254 && emails.add(email)) {
                emails.remove(account.email);
                account.email = email;
            }
            if (account.emailSkeleton == null) {
                account.emailSkeleton = claim(Lookalikes.emailSkeleton(account.email), emailSkeletons);
            }
            if (account.displayNameSkeleton == null) {
                account.displayNameSkeleton = claim(Lookalikes.nameSkeleton(account.displayName), nameSkeletons);
            }
            if (account.emailSkeleton == null || account.displayNameSkeleton == null) {
                left++;
                Log.warnf("Account %d (%s, \"%s\") looks like another account; check it on the admin page",
                        account.id, account.email, account.displayName);
            }
        }
        Log.infof("Filled look-alike skeletons of %d accounts", pending.size() - left);
        return left;
    }

    /**
     * Lets go of name skeletons stored under an earlier rule (before capitals of other scripts and blanks drawn as
     * spaces counted), so that those accounts claim their new ones with the pending ones, in the order the accounts
     * came; one that now looks like another keeps none and is logged. Written at once, so that no new skeleton meets
     * an old one in the unique index.
     */
    private static void letGoOfOutdatedNameSkeletons(Set<String> nameSkeletons) {
        List<Account> outdated = Account.<Account>list("deletedAt is null and displayNameSkeleton is not null")
                .stream().filter(a -> !Lookalikes.nameSkeleton(a.displayName).equals(a.displayNameSkeleton)).toList();
        for (Account account : outdated) {
            nameSkeletons.remove(account.displayNameSkeleton);
            account.displayNameSkeleton = null;
        }
        if (!outdated.isEmpty()) {
            Account.getEntityManager().flush();
            Log.infof("Display names of %d accounts are checked for look-alikes anew", outdated.size());
        }
    }

    /** The skeleton when no other account has it, or null. */
    private static String claim(String skeleton, Set<String> taken) {
        boolean storable = !skeleton.isEmpty() && skeleton.length() <= Lookalikes.MAX_SKELETON;
        return storable && taken.add(skeleton) ? skeleton : null;
    }

    private static List<String> column(String field) {
        return Account.getEntityManager()
                .createQuery("select a." + field + " from Account a where a." + field + " is not null", String.class)
                .getResultList();
    }
}
