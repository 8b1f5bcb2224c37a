package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Conditional writes: if-absent and if-version puts and deletes are atomic with their check and write nothing on failure. */
public class StateConditionConformance extends ConformanceSuite {
    private final String storeName = unique("cond");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    private Key key(String id) {
        return Key.of(unique("g"), id);
    }

    /** A second if-absent put raises AlreadyExistsException; the first value and version stay. */
    @ConformanceRule
    public final void cond01_ifAbsentPutRejectsSecond() {
        Key key = key("once");
        Version first = store().put(key, json("\"first\""), PutOptions.ifAbsent());
        assertThatThrownBy(() -> store().put(key, json("\"second\""), PutOptions.ifAbsent()))
                .isInstanceOf(AlreadyExistsException.class);
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.version()).isEqualTo(first);
        JsonTree.assertSameJson(entry.value().bytes(), "\"first\"");
    }

    /** A put naming a stale version raises VersionConflictException and writes nothing. */
    @ConformanceRule
    public final void cond02_staleVersionPutRejected() {
        Key key = key("stale-put");
        Version v1 = store().put(key, json("1"));
        Version v2 = store().put(key, json("2"));
        assertThatThrownBy(() -> store().put(key, json("3"), PutOptions.ifVersion(v1)))
                .isInstanceOf(VersionConflictException.class);
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.version()).isEqualTo(v2);
        JsonTree.assertSameJson(entry.value().bytes(), "2");
    }

    /** A put naming the current version applies and returns a new version. */
    @ConformanceRule
    public final void cond03_freshVersionPutApplies() {
        Key key = key("fresh-put");
        Version v1 = store().put(key, json("1"));
        Version v2 = store().put(key, json("2"), PutOptions.ifVersion(v1));
        assertThat(v2).isNotEqualTo(v1);
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.version()).isEqualTo(v2);
        JsonTree.assertSameJson(entry.value().bytes(), "2");
    }

    /** An if-version put on an absent (deleted) record raises VersionConflictException and creates nothing. */
    @ConformanceRule
    public final void cond04_ifVersionPutOnAbsentRejected() {
        Key key = key("gone");
        Version v1 = store().put(key, json("1"));
        store().delete(key);
        assertThatThrownBy(() -> store().put(key, json("2"), PutOptions.ifVersion(v1)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().get(key)).isEmpty();
    }

    /** A delete naming a stale version raises VersionConflictException and deletes nothing. */
    @ConformanceRule
    public final void cond05_staleVersionDeleteRejected() {
        Key key = key("stale-delete");
        Version v1 = store().put(key, json("1"));
        Version v2 = store().put(key, json("2"));
        assertThatThrownBy(() -> store().delete(key, Condition.ifVersion(v1)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store().get(key).orElseThrow().version()).isEqualTo(v2);
    }

    /** A delete naming the current version deletes and returns true. */
    @ConformanceRule
    public final void cond06_freshVersionDeleteApplies() {
        Key key = key("fresh-delete");
        Version v1 = store().put(key, json("1"));
        assertThat(store().delete(key, Condition.ifVersion(v1))).isTrue();
        assertThat(store().get(key)).isEmpty();
    }

    /**
     * An unconditional delete returns true for a visible record and false for an absent one; an if-version delete
     * of an absent record raises VersionConflictException.
     */
    @ConformanceRule
    public final void cond07_deleteReportsWhetherRecordExisted() {
        Key key = key("delete");
        Version v1 = store().put(key, json("1"));
        assertThat(store().delete(key)).isTrue();
        assertThat(store().delete(key)).isFalse();
        assertThat(store().delete(key("never"))).isFalse();
        assertThatThrownBy(() -> store().delete(key, Condition.ifVersion(v1)))
                .isInstanceOf(VersionConflictException.class);
    }

    /** Every successful write returns a version never seen before for that key, even when the value is unchanged. */
    @ConformanceRule
    public final void cond08_versionChangesOnEveryWrite() {
        Key key = key("versions");
        Set<Version> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertThat(seen.add(store().put(key, json("\"same\"")))).as("write %s returned a repeated version", i).isTrue();
        }
        Version current = store().get(key).orElseThrow().version();
        assertThat(seen.add(store().put(key, json("\"same\""), PutOptions.ifVersion(current)))).isTrue();
        store().delete(key);
        assertThat(seen.add(store().put(key, json("\"same\""), PutOptions.ifAbsent())))
                .as("a record re-created after a delete must not reuse an old version").isTrue();
    }

    /** An if-absent put after a delete succeeds: a deleted record counts as absent. */
    @ConformanceRule
    public final void cond09_ifAbsentAfterDeleteApplies() {
        Key key = key("recreate");
        store().put(key, json("1"));
        store().delete(key);
        Version v = store().put(key, json("2"), PutOptions.ifAbsent());
        assertThat(store().get(key).orElseThrow().version()).isEqualTo(v);
    }

    /**
     * Ten threads racing an if-absent put on one key: exactly one wins, the rest get AlreadyExistsException. Then
     * ten threads racing an if-version put with the same version: exactly one wins, the rest VersionConflictException.
     */
    @ConformanceRule
    public final void cond10_racingConditionalWritesHaveOneWinner() throws Exception {
        Key key = key("race");
        assertThat(race(i -> store().put(key, json("{\"winner\":" + i + "}"), PutOptions.ifAbsent()),
                AlreadyExistsException.class)).isEqualTo(1);
        Version current = store().get(key).orElseThrow().version();
        assertThat(race(i -> store().put(key, json("{\"second\":" + i + "}"), PutOptions.ifVersion(current)),
                VersionConflictException.class)).isEqualTo(1);
        assertThat(store().get(key).orElseThrow().version()).isNotEqualTo(current);
    }

    /** Runs {@code write} on ten threads at once; returns how many succeeded, failing on any other exception. */
    private static int race(IntConsumer write, Class<? extends Exception> loss) throws Exception {
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        write.accept(id);
                        return true;
                    } catch (Exception e) {
                        if (loss.isInstance(e)) {
                            return false;
                        }
                        throw e;
                    }
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
