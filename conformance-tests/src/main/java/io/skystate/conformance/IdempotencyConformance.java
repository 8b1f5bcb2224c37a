package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.handler.Handler;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.idempotency.IdempotencyKeyReusedException;
import io.skystate.api.idempotency.IdempotencyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idempotent handlers ({@code skystate.idempotency().wrap}, registered and invoked through {@code handlers()}): one
 * run per key, duplicates get the stored result, payload reuse is refused, failures are not recorded, results
 * expire. On failure, check the claim is a create-if-absent write and the result is written before the claim ends.
 */
public class IdempotencyConformance extends ConformanceSuite {
    /** A handler input: the idempotency key and a payload. */
    public record Payment(String key, int amount) {
    }

    /** A handler output: which run produced it. */
    public record Charge(String key, int amount, int run) {
    }

    /** Registers {@code handler}, wrapped for idempotency on {@link Payment#key()}; returns its name. */
    private String register(Handler<Payment, Charge> handler, Duration resultTtl) {
        String name = unique("idem");
        HandlerDefinition<Payment, Charge> plain = HandlerDefinition.of(name, Payment.class, Charge.class, handler);
        IdempotencyOptions options = IdempotencyOptions.defaults().withStore(unique("idem")).withResultTtl(resultTtl);
        skystate().handlers().register(skystate().idempotency().wrap(plain, Payment::key, options));
        return name;
    }

    private String registerCounting(AtomicInteger runs, Duration delay) {
        return register((payment, context) -> {
            int run = runs.incrementAndGet();
            Poll.sleep(delay);
            return new Charge(payment.key(), payment.amount(), run);
        }, Duration.ofHours(1));
    }

    private Charge invoke(String name, Payment payment) {
        return skystate().handlers().invoke(name, payment, Charge.class);
    }

    /** A sequential duplicate does not run the handler again and returns the first result. */
    @ConformanceRule
    public final void idempotency01_sequentialDuplicateRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        String name = registerCounting(runs, Duration.ZERO);
        Charge first = invoke(name, new Payment("order-1", 10));
        Charge second = invoke(name, new Payment("order-1", 10));
        assertThat(first).isEqualTo(new Charge("order-1", 10, 1));
        assertThat(second).isEqualTo(first);
        assertThat(runs).hasValue(1);
    }

    /** Ten concurrent duplicates (the first run takes 300 ms) run the handler once and all get its result. */
    @ConformanceRule
    public final void idempotency02_concurrentDuplicatesRunOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        String name = registerCounting(runs, Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Charge>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return invoke(name, new Payment("order-2", 20));
                }));
            }
            start.countDown();
            for (Future<Charge> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(new Charge("order-2", 20, 1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs).hasValue(1);
    }

    /**
     * The same key with a different payload raises IdempotencyKeyReusedException (directly, or as the cause of a
     * HandlerFailedException) without running the handler.
     */
    @ConformanceRule
    public final void idempotency03_payloadMismatchRejected() {
        AtomicInteger runs = new AtomicInteger();
        String name = registerCounting(runs, Duration.ZERO);
        invoke(name, new Payment("order-3", 30));
        assertThatThrownBy(() -> invoke(name, new Payment("order-3", 31))).satisfies(e -> {
            Throwable reused = e instanceof HandlerFailedException ? e.getCause() : e;
            assertThat(reused).as("exception %s", e).isInstanceOf(IdempotencyKeyReusedException.class);
        });
        assertThat(runs).hasValue(1);
        assertThat(invoke(name, new Payment("order-3", 30))).isEqualTo(new Charge("order-3", 30, 1));
    }

    /** After resultTtl (300 ms) the stored result expires and the same key runs again. */
    @ConformanceRule
    public final void idempotency04_resultExpires() {
        AtomicInteger runs = new AtomicInteger();
        String name = register((payment, context) -> new Charge(payment.key(), payment.amount(), runs.incrementAndGet()),
                Duration.ofMillis(300));
        assertThat(invoke(name, new Payment("order-4", 40)).run()).isEqualTo(1);
        Poll.sleep(Duration.ofMillis(700));
        assertThat(invoke(name, new Payment("order-4", 40)).run()).isEqualTo(2);
        assertThat(runs).hasValue(2);
    }

    /**
     * A run that throws surfaces as HandlerFailedException and records nothing: the retry runs and succeeds, and
     * later duplicates get that success.
     */
    @ConformanceRule
    public final void idempotency05_failureIsNotRecorded() {
        AtomicInteger runs = new AtomicInteger();
        String name = register((payment, context) -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new IllegalStateException("transient failure");
            }
            return new Charge(payment.key(), payment.amount(), run);
        }, Duration.ofHours(1));
        assertThatThrownBy(() -> invoke(name, new Payment("order-5", 50)))
                .isInstanceOfSatisfying(HandlerFailedException.class,
                        e -> assertThat(e.getCause()).hasMessage("transient failure"));
        Charge retried = invoke(name, new Payment("order-5", 50));
        assertThat(retried).isEqualTo(new Charge("order-5", 50, 2));
        assertThat(invoke(name, new Payment("order-5", 50))).isEqualTo(retried);
        assertThat(runs).hasValue(2);
    }

    /** Different keys run independently, and each key's duplicates get that key's own result. */
    @ConformanceRule
    public final void idempotency06_distinctKeysRunIndependently() {
        AtomicInteger runs = new AtomicInteger();
        String name = registerCounting(runs, Duration.ZERO);
        Charge a = invoke(name, new Payment("order-6a", 60));
        Charge b = invoke(name, new Payment("order-6b", 61));
        assertThat(a.run()).isNotEqualTo(b.run());
        assertThat(invoke(name, new Payment("order-6a", 60))).isEqualTo(a);
        assertThat(invoke(name, new Payment("order-6b", 61))).isEqualTo(b);
        assertThat(runs).hasValue(2);
    }

    /** A handler input whose amount keeps the spelling it was given (1.0 and 1.00 are different BigDecimals). */
    public record Quote(String key, java.math.BigDecimal amount) {
    }

    /**
     * Payloads are compared in their RFC 8785 canonical form: the same request spelt {@code 1.0}, {@code 1.00} and
     * {@code 1e0}, with members in another order, is a duplicate (runs once), not a reused key.
     */
    @ConformanceRule
    public final void idempotency07_payloadsCompareCanonically() {
        AtomicInteger runs = new AtomicInteger();
        String name = unique("idem");
        HandlerDefinition<Quote, Quote> plain = HandlerDefinition.of(name, Quote.class, Quote.class, (quote, context) -> {
            runs.incrementAndGet();
            return quote;
        });
        IdempotencyOptions options = IdempotencyOptions.defaults().withStore(unique("idem")).withResultTtl(Duration.ofHours(1));
        skystate().handlers().register(skystate().idempotency().wrap(plain, Quote::key, options));
        for (String json : List.of("{\"key\":\"q-7\",\"amount\":1.0}", "{\"amount\":1.00,\"key\":\"q-7\"}",
                "{\"key\":\"q-7\",\"amount\":1e0}")) {
            skystate().handlers().invokeJson(name, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(runs).as("handler runs for three spellings of one request").hasValue(1);
    }
}
