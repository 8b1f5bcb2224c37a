package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Codec;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A sweep reads what is due, not every pending callback: with 3,000 callbacks pending and none due it reads one
 * short page of the index and no callback record; when one heartbeat-less callback times out, it reads that one.
 */
class CallbackSweepCostTest {
    @Test
    void sweepingReadsOnlyWhatIsDue() throws Exception {
        try (LocalSkystate skystate = LocalSkystate.builder().withoutHttp().build()) {
            CountingStore store = new CountingStore(skystate.stateStore("sweep-cost"));
            StoreBackedCallbacks callbacks = new StoreBackedCallbacks(skystate, store, new JacksonCodec("local"),
                    Keys.randomRing("k1"), Clock.systemUTC(), token -> java.net.URI.create("test:" + token));
            for (int i = 0; i < 3_000; i++) {
                callbacks.create(CallbackRequest.withTimeout(Duration.ofHours(1)));
            }
            CallbackHandle soon = callbacks.create(CallbackRequest.withTimeout(Duration.ofMillis(200)));
            store.reset();
            assertThat(callbacks.sweep()).isZero();
            assertThat(store.gets.get()).as("callback records read by a sweep with nothing due").isZero();
            assertThat(store.listedEntries.get()).as("index entries listed").isLessThanOrEqualTo(100);

            Thread.sleep(300);
            store.reset();
            assertThat(callbacks.sweep()).isEqualTo(1);
            assertThat(callbacks.outcome(soon.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
            assertThat(store.gets.get()).as("records read to time out the one due callback").isLessThanOrEqualTo(3);
        }
    }

    /** Counts reads through to a real store. */
    private static final class CountingStore implements StateStore {
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger listedEntries = new AtomicInteger();
        private final StateStore real;

        CountingStore(StateStore real) {
            this.real = real;
        }

        void reset() {
            gets.set(0);
            listedEntries.set(0);
        }

        @Override public String name() { return real.name(); }
        @Override public Optional<StateEntry> get(Key key) {
            gets.incrementAndGet();
            return real.get(key);
        }
        @Override public Map<Key, StateEntry> getAll(Collection<Key> keys) { return real.getAll(keys); }
        @Override public Version put(Key key, StateValue value, PutOptions options) { return real.put(key, value, options); }
        @Override public boolean delete(Key key, Condition condition) { return real.delete(key, condition); }
        @Override public Map<Key, Version> transact(Transaction transaction) { return real.transact(transaction); }
        @Override public Page list(ListRequest request) {
            Page page = real.list(request);
            listedEntries.addAndGet(page.entries().size());
            return page;
        }
        @Override public Codec codec() { return real.codec(); }
        @Override public <T> Optional<T> unwrap(Class<T> type) { return real.unwrap(type); }
    }
}
