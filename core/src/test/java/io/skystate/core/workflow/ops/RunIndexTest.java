package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final JacksonCodec codec = new JacksonCodec("test");
    private final MemoryStateStore store = new MemoryStateStore(codec);
    private final RunIndex index = new RunIndex(store, codec, new RunPageTokens(Keys.randomRing("k"), "test"));
    private final Map<String, RunStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private void start(String id, String workflow, long secondsAfterT0, RunStatus status) {
        index.add(new RunIndex.Entry(id, workflow, 1, T0.plusSeconds(secondsAfterT0)));
        statuses.put(id, status);
    }

    private Optional<RunSummary> read(RunIndex.Entry e) {
        reads.incrementAndGet();
        RunStatus status = statuses.get(e.instanceId());
        return status == null ? Optional.empty() : Optional.of(new RunSummary(e.instanceId(), e.workflow(), e.version(),
                status, e.startedAt(), Optional.empty(), Optional.empty(), 0));
    }

    private List<String> all(RunQuery query) {
        List<String> ids = new ArrayList<>();
        RunPage page = index.list(query, this::read);
        while (true) {
            assertThat(page.runs()).hasSizeLessThanOrEqualTo(query.pageSize());
            page.runs().forEach(r -> ids.add(r.instanceId()));
            if (page.nextPageToken().isEmpty()) {
                return ids;
            }
            page = index.list(query.after(page.nextPageToken().get()), this::read);
        }
    }

    @Test
    void listsNewestFirstWithTiesByInstanceIdAcrossPages() {
        start("b", "orders", 1, RunStatus.RUNNING);
        start("a", "orders", 1, RunStatus.SUCCEEDED);
        start("c", "orders", 2, RunStatus.FAILED);
        start("old", "orders", 0, RunStatus.SUCCEEDED);
        start("new", "orders", 3, RunStatus.RUNNING);
        assertThat(all(RunQuery.all().pageSize(2))).containsExactly("new", "c", "a", "b", "old");
        index.add(new RunIndex.Entry("a", "orders", 1, T0.plusSeconds(1)));
        assertThat(all(RunQuery.all().pageSize(1))).as("adding a run twice indexes it once")
                .containsExactly("new", "c", "a", "b", "old");
    }

    @Test
    void filtersByWorkflowStatusAndStartRange() {
        for (int i = 0; i < 10; i++) {
            start("r" + i, i % 2 == 0 ? "orders" : "invoices", i, i % 3 == 0 ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        }
        assertThat(all(RunQuery.all().workflow("orders").pageSize(3))).containsExactly("r8", "r6", "r4", "r2", "r0");
        assertThat(all(RunQuery.all().statuses(RunStatus.FAILED).pageSize(4))).containsExactly("r9", "r6", "r3", "r0");
        assertThat(all(RunQuery.all().workflow("orders").statuses(RunStatus.FAILED))).containsExactly("r6", "r0");
        assertThat(all(RunQuery.all().startedBetween(T0.plusSeconds(3), T0.plusSeconds(6)).pageSize(2)))
                .containsExactly("r5", "r4", "r3");
    }

    @Test
    void stopsReadingAtTheFirstRunOlderThanTheRange() {
        for (int i = 0; i < 10; i++) {
            start("r" + i, "orders", i, RunStatus.SUCCEEDED);
        }
        RunPage page = index.list(RunQuery.all().startedBetween(T0.plusSeconds(8), T0.plusSeconds(60)).pageSize(5),
                this::read);
        assertThat(page.runs()).extracting(RunSummary::instanceId).containsExactly("r9", "r8");
        assertThat(page.nextPageToken()).as("nothing older can match").isEmpty();
        assertThat(reads).as("status reads").hasValue(2);
    }

    @Test
    void aRunStartedWhilePagingDoesNotShiftLaterPages() {
        for (int i = 0; i < 5; i++) {
            start("r" + i, "orders", i, RunStatus.SUCCEEDED);
        }
        RunQuery query = RunQuery.all().pageSize(2);
        RunPage first = index.list(query, this::read);
        start("late", "orders", 100, RunStatus.RUNNING);
        List<String> rest = all(query.after(first.nextPageToken().orElseThrow()));
        assertThat(first.runs()).extracting(RunSummary::instanceId).containsExactly("r4", "r3");
        assertThat(rest).containsExactly("r2", "r1", "r0");
    }

    @Test
    void runsTheEngineNoLongerKnowsAreLeftOutAndTokensAreChecked() {
        start("gone", "orders", 1, RunStatus.SUCCEEDED);
        start("kept", "orders", 2, RunStatus.SUCCEEDED);
        statuses.remove("gone");
        assertThat(all(RunQuery.all())).containsExactly("kept");
        String token = index.list(RunQuery.all().pageSize(1), this::read).nextPageToken().orElseThrow();
        assertThatThrownBy(() -> index.list(RunQuery.all().pageSize(1).after(token + "x"), this::read))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> index.list(RunQuery.all().workflow("orders").after(token), this::read))
                .isInstanceOf(InvalidRequestException.class);
    }
}
