package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Codec;
import io.skystate.api.KeyRing;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A sweep reads what is due, not every pending callback: with 3,000 callbacks pending and none due it reads one
 * short page of the index (8 entries) and no callback record; when one heartbeat-less callback times out, it reads
 * that one, once. A due burst costs a fixed number of store calls per callback and is not raced for by two sweepers.
 */
class CallbackSweepCostTest {
    @Test
    void sweepingReadsOnlyWhatIsDue() throws Exception {
        try (LocalSkystate skystate = LocalSkystate.builder().withoutHttp().build()) {
            CountingStore store = new CountingStore(skystate.stateStore("sweep-cost"));
            StoreBackedCallbacks callbacks = new StoreBackedCallbacks(skystate, store, new JacksonCodec("local"),
                    Keys.randomRing("k1"), Clock.systemUTC(), token -> URI.create("test:" + token));
            for (int i = 0; i < 3_000; i++) {
                callbacks.create(CallbackRequest.withTimeout(Duration.ofHours(1)));
            }
            CallbackHandle soon = callbacks.create(CallbackRequest.withTimeout(Duration.ofMillis(200)));
            store.reset();
            assertThat(callbacks.sweep()).isZero();
            assertThat(store.gets.get()).as("callback records read by a sweep with nothing due").isZero();
            assertThat(store.listedEntries.get()).as("index entries listed with nothing due").isLessThanOrEqualTo(8);

            Thread.sleep(300);
            store.reset();
            assertThat(callbacks.sweep()).isEqualTo(1);
            assertThat(store.gets.get()).as("records read to time out the one due callback").isEqualTo(1);
            assertThat(callbacks.outcome(soon.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
        }
    }

    /**
     * A burst of 1,500 callbacks due at once is settled with one read, two writes and one delete per callback
     * (before: two reads and two deletes); two sweepers on the same burst settle it together without racing for
     * most callbacks (they settle each page in random order).
     */
    @Test
    void aDueBurstIsSettledInOneSweepAndTwoSweepersRarelyCollide() {
        MutableClock clock = new MutableClock();
        try (LocalSkystate skystate = LocalSkystate.builder().withoutHttp().clock(clock).build()) {
            CountingStore store = new CountingStore(skystate.stateStore("sweep-burst"));
            StoreBackedCallbacks one = callbacks(skystate, store, clock);
            StoreBackedCallbacks other = callbacks(skystate, store, clock);
            for (int i = 0; i < 1_500; i++) {
                one.create(CallbackRequest.withTimeout(Duration.ofMinutes(1)));
            }
            clock.offset.addAndGet(Duration.ofMinutes(2).toMillis());
            store.reset();
            int settled = 0;
            for (int swept = one.sweep(); swept > 0; swept = one.sweep()) {
                settled += swept;
            }
            assertThat(settled).isEqualTo(1_500);
            assertThat(store.gets.get()).as("reads per due callback").isEqualTo(1_500);
            assertThat(store.deletes.get()).as("index deletes per due callback").isEqualTo(1_500);

            for (int i = 0; i < 1_000; i++) {
                one.create(CallbackRequest.withTimeout(Duration.ofMinutes(1)));
            }
            clock.offset.addAndGet(Duration.ofMinutes(2).toMillis());
            store.reset();
            int swept;
            do {
                var first = CompletableFuture.supplyAsync(one::sweep);
                var second = CompletableFuture.supplyAsync(other::sweep);
                swept = first.join() + second.join();
            } while (swept > 0);
            assertThat(store.gets.get()).as("reads: each callback settled once, a few read twice").isLessThan(1_250);
            assertThat(store.conflicts.get()).as("version conflicts between the two sweepers").isLessThan(250);
            assertThat(one.sweep() + other.sweep()).isZero();
        }
    }

    /**
     * A store that drops expired records from a page after reading them, as DynamoDB does before its TTL deletes
     * them, returns short pages with a cursor: 120 such entries at the head of the index must not hide the due
     * callbacks behind them.
     */
    @Test
    void expiredEntriesAtTheHeadOfTheIndexDoNotHideDueOnes() {
        MutableClock clock = new MutableClock();
        try (LocalSkystate skystate = LocalSkystate.builder().withoutHttp().clock(clock).build()) {
            CountingStore store = new CountingStore(skystate.stateStore("sweep-expired-head"));
            StoreBackedCallbacks callbacks = callbacks(skystate, store, clock);
            for (int i = 0; i < 120; i++) {
                store.hidden.add(callbacks.create(CallbackRequest.withTimeout(Duration.ofMinutes(1))).id());
            }
            List<String> due = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                due.add(callbacks.create(CallbackRequest.withTimeout(Duration.ofMinutes(2))).id());
            }
            clock.offset.addAndGet(Duration.ofMinutes(3).toMillis());
            assertThat(callbacks.sweep()).isEqualTo(5);
            for (String id : due) {
                assertThat(callbacks.outcome(id).status()).isEqualTo(CallbackStatus.TIMED_OUT);
            }
        }
    }

    private static StoreBackedCallbacks callbacks(LocalSkystate skystate, StateStore store, Clock clock) {
        return new StoreBackedCallbacks(skystate, store, new JacksonCodec("local"), RING, clock,
                token -> URI.create("test:" + token));
    }

    private static final KeyRing RING = Keys.randomRing("k1");

    /** The system clock plus an offset a test moves forward. */
    private static final class MutableClock extends Clock {
        final AtomicLong offset = new AtomicLong();

        @Override public long millis() { return System.currentTimeMillis() + offset.get(); }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    /** Counts reads through to a real store; can drop chosen index entries from listings. */
    private static final class CountingStore implements StateStore {
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger listedEntries = new AtomicInteger();
        final AtomicInteger deletes = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        /** Callbacks whose index entries a listing drops, as a store drops expired records. */
        final Set<String> hidden = ConcurrentHashMap.newKeySet();
        private final StateStore real;

        CountingStore(StateStore real) {
            this.real = real;
        }

        void reset() {
            gets.set(0);
            listedEntries.set(0);
            deletes.set(0);
            conflicts.set(0);
        }

        @Override public String name() { return real.name(); }
        @Override public Optional<StateEntry> get(Key key) {
            gets.incrementAndGet();
            return real.get(key);
        }
        @Override public Map<Key, StateEntry> getAll(Collection<Key> keys) { return real.getAll(keys); }
        @Override public Version put(Key key, StateValue value, PutOptions options) {
            try {
                return real.put(key, value, options);
            } catch (VersionConflictException e) {
                conflicts.incrementAndGet();
                throw e;
            }
        }
        @Override public boolean delete(Key key, Condition condition) {
            deletes.incrementAndGet();
            return real.delete(key, condition);
        }
        @Override public Map<Key, Version> transact(Transaction transaction) { return real.transact(transaction); }
        @Override public Page list(ListRequest request) {
            Page read = real.list(request);
            Page page = new Page(read.entries().stream()
                    .filter(e -> hidden.stream().noneMatch(id -> e.key().id().endsWith("-" + id))).toList(),
                    read.nextCursor());
            listedEntries.addAndGet(page.entries().size());
            return page;
        }
        @Override public Codec codec() { return real.codec(); }
        @Override public <T> Optional<T> unwrap(Class<T> type) { return real.unwrap(type); }
    }
}
