package org.thesenforum.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hashes and checks passwords with bcrypt. A sign-in for an unknown e-mail is checked against a dummy hash of the
 * same cost, so that it takes as long as a wrong password for a real account and the answer time tells nothing.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    static final int COST = 10;

    private String dummyHash;
    private final AtomicLong checks = new AtomicLong();

    /**
     * Made when the bean is first used, not in the constructor: the constructor also runs for the client proxy,
     * which CDI creates at start-up for every bean that injects this one, and a bcrypt hash there cost every start
     * a hash on a cold JVM. Created before the first call, so every check still costs the same.
     */
    @PostConstruct
    void makeDummyHash() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), COST);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Runs one bcrypt check, against the dummy hash when {@code hash} is null; true only for a real match. */
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        boolean matched = BcryptUtil.matches(password, hash == null ? dummyHash : hash);
        return matched && hash != null;
    }

    /** Over the bcrypt limit of 72 bytes in UTF-8. */
    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** bcrypt checks run so far, the dummy ones included. */
    long checks() {
        return checks.get();
    }

    /** The cost factor of the dummy hash, which must equal that of real hashes. */
    int dummyCost() {
        return Integer.parseInt(dummyHash.split("\\$")[2]);
    }
}
