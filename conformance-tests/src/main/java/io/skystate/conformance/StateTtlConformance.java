package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Expiry: a record is invisible from its expiry instant on every read path, even where the provider deletes
 * expired data lazily (DynamoDB, Cosmos DB and Firestore TTL all lag by minutes to days). On failure, check that
 * every read and every condition filters on the stored expiry instead of relying on the provider's TTL sweep.
 */
public class StateTtlConformance extends ConformanceSuite {
    private static final Duration PRECISION = Duration.ofSeconds(1);

    private final String storeName = unique("ttl");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    private Key key(String id) {
        return Key.of(unique("g"), id);
    }

    /** A record is visible with its expiry (to within a second) before it expires, and get is empty after. */
    @ConformanceRule
    public final void ttl01_expiredRecordInvisibleToGet() {
        Key key = key("short");
        Instant expiresAt = Instant.now().plus(StateFixtures.SHORT_TTL);
        store().put(key, json("1"), PutOptions.always().expiringAt(expiresAt));
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.expiresAt()).isPresent();
        assertThat(Duration.between(expiresAt, entry.expiresAt().get()).abs()).isLessThanOrEqualTo(PRECISION);
        StateFixtures.waitPast(expiresAt);
        assertThat(store().get(key)).isEmpty();
    }

    /** getAll leaves out an expired record and keeps its live neighbour. */
    @ConformanceRule
    public final void ttl02_expiredRecordInvisibleToGetAll() {
        Key live = key("live");
        Key expired = Key.of(live.group(), "expired");
        store().put(live, json("1"));
        StateFixtures.putExpired(store(), expired, json("2"));
        assertThat(store().getAll(List.of(live, expired))).containsOnlyKeys(live);
    }

    /** Listing a group skips expired records, at every page size, and still returns every live one. */
    @ConformanceRule
    public final void ttl03_expiredRecordInvisibleToList() {
        String group = unique("g");
        Instant expiresAt = Instant.now().plus(StateFixtures.SHORT_TTL);
        for (int i = 0; i < 6; i++) {
            PutOptions options = i % 2 == 0 ? PutOptions.always() : PutOptions.always().expiringAt(expiresAt);
            store().put(Key.of(group, "r" + i), json(String.valueOf(i)), options);
        }
        StateFixtures.waitPast(expiresAt);
        for (int pageSize : new int[] {1, 2, 1000}) {
            assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, pageSize)))
                    .as("page size %s", pageSize).containsExactly("r0", "r2", "r4");
        }
    }

    /** An if-absent put over an expired record succeeds: an expired record counts as absent. */
    @ConformanceRule
    public final void ttl04_ifAbsentPutOverExpiredApplies() {
        Key key = key("reuse");
        StateFixtures.putExpired(store(), key, json("\"old\""));
        Version v = store().put(key, json("\"new\""), PutOptions.ifAbsent());
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.version()).isEqualTo(v);
        assertThat(entry.expiresAt()).isEmpty();
        JsonTree.assertSameJson(entry.value().bytes(), "\"new\"");
    }

    /** If-version puts and deletes naming an expired record's version raise VersionConflictException. */
    @ConformanceRule
    public final void ttl05_ifVersionOnExpiredRejected() {
        Key key = key("expired-version");
        Version version = StateFixtures.putExpired(store(), key, json("1"));
        assertThatThrownBy(() -> store().put(key, json("2"), PutOptions.ifVersion(version)))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store().delete(key, Condition.ifVersion(version)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().get(key)).isEmpty();
    }

    /** An unconditional delete of an expired record returns false: there was no visible record. */
    @ConformanceRule
    public final void ttl06_deleteOfExpiredReturnsFalse() {
        Key key = key("expired-delete");
        StateFixtures.putExpired(store(), key, json("1"));
        assertThat(store().delete(key)).isFalse();
        assertThat(store().get(key)).isEmpty();
    }

    /**
     * Transactions treat an expired record as absent: a Check if-absent on it passes (and the transaction applies);
     * a Check if-version with its old version fails with CONDITION_FAILED at that index, writing nothing.
     */
    @ConformanceRule
    public final void ttl07_transactionSeesExpiredAsAbsent() {
        Key expired = key("tx-expired");
        Key written = Key.of(expired.group(), "tx-written");
        Key notWritten = Key.of(expired.group(), "tx-not-written");
        Version version = StateFixtures.putExpired(store(), expired, json("1"));
        store().transact(Transaction.builder().check(expired, Condition.ifAbsent()).put(written, json("2")).build());
        assertThat(store().get(written)).isPresent();
        Transaction stale = Transaction.builder().put(notWritten, json("3"))
                .check(expired, Condition.ifVersion(version)).build();
        assertThatThrownBy(() -> store().transact(stale)).isInstanceOfSatisfying(TransactionFailedException.class, e -> {
            assertThat(e.failedOperation()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(TransactionFailedException.Reason.CONDITION_FAILED);
        });
        assertThat(store().get(notWritten)).isEmpty();
    }

    /** A record written without an expiry reports none and is still there after short expiries have passed. */
    @ConformanceRule
    public final void ttl08_noExpiryNeverExpires() {
        Key key = key("forever");
        store().put(key, json("1"));
        Poll.sleep(StateFixtures.SHORT_TTL.plus(StateFixtures.EXPIRY_SLACK));
        assertThat(store().get(key)).hasValueSatisfying(e -> assertThat(e.expiresAt()).isEmpty());
    }

    /** Re-putting a record without an expiry clears its earlier expiry (a put replaces the whole record). */
    @ConformanceRule
    public final void ttl09_reputWithoutExpiryClearsIt() {
        Key key = key("cleared");
        Instant expiresAt = Instant.now().plus(StateFixtures.SHORT_TTL);
        store().put(key, json("1"), PutOptions.always().expiringAt(expiresAt));
        store().put(key, json("2"));
        assertThat(store().get(key).orElseThrow().expiresAt()).isEmpty();
        StateFixtures.waitPast(expiresAt);
        assertThat(store().get(key)).isPresent();
    }

    /** A record written with an expiry already in the past is invisible at once, to every read path. */
    @ConformanceRule
    public final void ttl10_pastExpiryInvisibleImmediately() {
        Key key = key("born-dead");
        store().put(key, json("1"), PutOptions.always().expiringAt(Instant.now().minus(Duration.ofMinutes(1))));
        assertThat(store().get(key)).isEmpty();
        assertThat(store().getAll(List.of(key))).isEmpty();
        assertThat(StateFixtures.listAll(store(), key.group(), 10)).isEmpty();
        store().put(key, json("2"), PutOptions.ifAbsent());
        assertThat(store().get(key)).isPresent();
    }

    /** Re-putting with a later expiry extends the record's life past the first expiry. */
    @ConformanceRule
    public final void ttl11_expiryCanBeExtended() {
        Key key = key("extended");
        Instant first = Instant.now().plus(StateFixtures.SHORT_TTL);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        store().put(key, json("1"), PutOptions.always().expiringAt(first));
        store().put(key, json("2"), PutOptions.always().expiringAt(later));
        StateFixtures.waitPast(first);
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(Duration.between(later, entry.expiresAt().orElseThrow()).abs()).isLessThanOrEqualTo(PRECISION);
    }

    /**
     * A record whose expiry is still in the future is visible on every read path: get, getAll and list. Check the
     * adapter's expiry filter (for example a query filter that drops every record carrying an expiry).
     */
    @ConformanceRule
    public final void ttl12_unexpiredRecordVisibleEverywhere() {
        Key key = key("future");
        store().put(key, json("7"), PutOptions.always().expiringAt(Instant.now().plus(Duration.ofHours(1))));
        assertThat(store().get(key)).isPresent();
        assertThat(store().getAll(List.of(key))).containsKey(key);
        assertThat(store().list(io.skystate.api.state.ListRequest.firstPage(key.group(), 100)).entries())
                .extracting(e -> e.key().id()).contains(key.id());
    }

    /**
     * Expiries are checked before any provider call: one outside {@link PutOptions#EARLIEST_EXPIRY} ..
     * {@link PutOptions#LATEST_EXPIRY} (such as {@code Instant.MAX} or {@code Instant.MIN}) raises
     * InvalidRequestException, and the latest expiry itself is stored and read back (to the second) by the store.
     */
    @ConformanceRule
    public final void ttl13_expiryRangeIsCheckedAndItsEdgeStored() {
        assertThatThrownBy(() -> PutOptions.always().expiringAt(Instant.MAX)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> PutOptions.always().expiringAt(Instant.MIN)).isInstanceOf(InvalidRequestException.class);
        Key key = key("edge");
        store().put(key, json("9"), PutOptions.always().expiringAt(PutOptions.LATEST_EXPIRY));
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(Duration.between(PutOptions.LATEST_EXPIRY, entry.expiresAt().orElseThrow()).abs())
                .isLessThanOrEqualTo(PRECISION);
    }
}
