package org.thesenforum.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thesenforum.event.EventFixtures.email;
import static org.thesenforum.event.EventFixtures.person;
import static org.thesenforum.event.EventFixtures.register;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** Parallel registrations: the last place and an e-mail address are taken only once. */
@QuarkusTest
class RegistrationConcurrencyTest {

    private static List<Integer> inParallel(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                start.await();
                return request.apply(index);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void theLastPlaceGoesToExactlyOne() throws Exception {
        long id = EventFixtures.create(1);
        List<Integer> statuses = inParallel(6, i -> register(id, person(email())).extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Registration.count(
                "event.id = ?1 and status = ?2", id, Registration.Status.CONFIRMED)));
    }

    @Test
    void oneAddressRegistersOnceEvenAtTheSameMoment() throws Exception {
        long id = EventFixtures.create(null);
        String email = email();
        List<Integer> statuses = inParallel(5, i -> register(id, person(email)).extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Registration.count("event.id", id)));
    }
}
