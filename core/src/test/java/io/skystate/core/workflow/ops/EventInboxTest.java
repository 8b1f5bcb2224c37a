package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventInboxTest {
    private final JacksonCodec codec = new JacksonCodec("test");
    private final MemoryStateStore store = new MemoryStateStore(codec);
    private final EventInbox inbox = new EventInbox(store, codec, Clock.systemUTC(), "test");

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachClaimTakesTheOldestUnclaimedEventOfItsName() {
        assertThat(inbox.append("run", "item", json("1"))).isEqualTo(1);
        assertThat(inbox.append("run", "other", json("\"x\""))).isEqualTo(2);
        assertThat(inbox.append("run", "item", json("{\"n\":2}"))).isEqualTo(3);
        assertThat(inbox.append("another-run", "item", json("9"))).isEqualTo(1);
        EventInbox.Event first = inbox.claim("run", "item", "step@h1").orElseThrow();
        EventInbox.Event second = inbox.claim("run", "item", "step@h2").orElseThrow();
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.payload().asInt()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(3);
        assertThat(second.payload().path("n").asInt()).isEqualTo(2);
        assertThat(inbox.claim("run", "item", "step@h3")).isEmpty();
        assertThat(inbox.claim("run", "missing", "step@h3")).isEmpty();
    }

    @Test
    void aConsumerThatClaimsAgainAfterACrashGetsTheSameEvent() {
        inbox.append("run", "go", json("\"a\""));
        inbox.append("run", "go", json("\"b\""));
        EventInbox.Event claimed = inbox.claim("run", "go", "wait@h4").orElseThrow();
        assertThat(inbox.claim("run", "go", "wait@h4")).contains(claimed);
        assertThat(inbox.pending("run")).extracting(EventInbox.Event::consumer)
                .containsExactly(Optional.of("wait@h4"), Optional.empty());
        inbox.acknowledge("run", claimed.seq(), "someone-else");
        assertThat(inbox.pending("run")).hasSize(2);
        inbox.acknowledge("run", claimed.seq(), "wait@h4");
        assertThat(inbox.pending("run")).extracting(e -> e.payload().asText()).containsExactly("b");
    }

    @Test
    void concurrentSignalsGetDistinctSequencesAndNoneIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> appended = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            appended.add(pool.submit(() -> {
                go.await();
                return inbox.append("run", "tick", json(Integer.toString(n)));
            }));
        }
        go.countDown();
        Set<Long> seqs = new java.util.TreeSet<>();
        for (Future<Long> f : appended) {
            seqs.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(seqs).hasSize(200).first().isEqualTo(1L);
        assertThat(seqs).last().isEqualTo(200L);
        assertThat(inbox.pending("run")).extracting(EventInbox.Event::seq).containsExactlyElementsOf(seqs);
    }

    @Test
    void concurrentConsumersClaimEachEventExactlyOnce() throws Exception {
        for (int i = 0; i < 50; i++) {
            inbox.append("run", "job", json(Integer.toString(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> consumers = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int consumer = c;
            consumers.add(pool.submit(() -> {
                go.await();
                for (int k = 0; ; k++) {
                    Optional<EventInbox.Event> event = inbox.claim("run", "job", "c" + consumer + "-" + k);
                    if (event.isEmpty()) {
                        return null;
                    }
                    if (!claimed.add(event.get().seq())) {
                        duplicates.add(event.get().seq());
                    }
                }
            }));
        }
        go.countDown();
        for (Future<?> f : consumers) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(50);
    }

    @Test
    void rejectedSignalsRecordNothingAndClearKeepsTheSequenceRising() {
        assertThatThrownBy(() -> inbox.append("run", "bad name", json("1"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> inbox.append("run", "go", json("{")))
                .isInstanceOf(InvalidRequestException.class);
        byte[] big = json("\"" + "x".repeat(Workflows.MAX_EVENT_PAYLOAD_BYTES) + "\"");
        assertThatThrownBy(() -> inbox.append("run", "go", big)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(store.size()).isZero();
        inbox.append("run", "go", json("1"));
        inbox.append("run", "go", json("2"));
        inbox.clear("run");
        assertThat(inbox.pending("run")).isEmpty();
        assertThat(inbox.append("run", "go", json("3"))).isEqualTo(3);
    }
}
