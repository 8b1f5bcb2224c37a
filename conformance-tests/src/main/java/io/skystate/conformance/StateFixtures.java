package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared helpers of the state suites. */
final class StateFixtures {
    /** A short expiry, long enough to read the record back before it passes. */
    static final Duration SHORT_TTL = Duration.ofMillis(400);
    /** How far past an expiry the suite waits before it asserts the record is invisible (clock slack). */
    static final Duration EXPIRY_SLACK = Duration.ofMillis(150);

    private StateFixtures() {
    }

    static StateValue json(String text) {
        return StateValue.json(text);
    }

    /** Every entry of {@code group}, following cursors; fails on a cursor loop instead of hanging. */
    static List<StateEntry> listAll(StateStore store, String group, int pageSize) {
        List<StateEntry> all = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group, pageSize));
        int pages = 0;
        while (request.isPresent()) {
            Page page = store.list(request.get());
            assertThat(page.entries().size()).as("page size %s", pageSize).isLessThanOrEqualTo(pageSize);
            all.addAll(page.entries());
            request = request.get().next(page);
            assertThat(++pages).as("pages read for group %s with page size %s (cursor loop?)", group, pageSize)
                    .isLessThan(10_000);
        }
        return all;
    }

    /** The integer member {@code name} of a JSON object record. */
    static int intField(StateEntry entry, String name) {
        java.util.Map<?, ?> doc = (java.util.Map<?, ?>) JsonTree.parse(entry.value().bytes());
        return ((java.math.BigDecimal) doc.get(name)).intValueExact();
    }

    static List<String> ids(List<StateEntry> entries) {
        return entries.stream().map(e -> e.key().id()).toList();
    }

    /** Sleeps until {@code instant} plus the clock slack has passed. */
    static void waitPast(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant.plus(EXPIRY_SLACK));
        if (!left.isNegative()) {
            Poll.sleep(left);
        }
    }

    /** Writes a record expiring {@link #SHORT_TTL} from now and waits until it has expired; returns its version. */
    static io.skystate.api.state.Version putExpired(StateStore store, Key key, StateValue value) {
        Instant expiresAt = Instant.now().plus(SHORT_TTL);
        io.skystate.api.state.Version version = store.put(key, value,
                io.skystate.api.state.PutOptions.always().expiringAt(expiresAt));
        waitPast(expiresAt);
        return version;
    }
}
