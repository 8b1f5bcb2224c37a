package io.skystate.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.Codec;
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
import io.skystate.core.json.JacksonCodec;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private final JacksonCodec codec = new JacksonCodec("test");
    private final MemoryStore store = new MemoryStore(codec);
    private final ClaimCheck claims = new ClaimCheck(store, codec, Clock.systemUTC());

    @Test
    void smallValuesStayInTheDocument() {
        JsonNode small = codec.tree("{\"a\":[1,2,3]}".getBytes());
        assertThat(claims.offload(small)).isSameAs(small);
        assertThat(store.records).isEmpty();
    }

    @Test
    void onlyTheLargeMemberMovesSoPathsReachTheRest() {
        ObjectNode result = codec.mapper().createObjectNode();
        result.put("blob", "x".repeat(100_000));
        result.put("note", "kept");
        JsonNode offloaded = claims.offload(result);
        assertThat(offloaded.get("note").asText()).isEqualTo("kept");
        assertThat(offloaded.get("blob").has(ClaimCheck.FIELD)).isTrue();
        assertThat(codec.encode(offloaded).length).isLessThanOrEqualTo(ClaimCheck.THRESHOLD_BYTES);
        assertThat(claims.resolve(offloaded)).isEqualTo(result);
        assertThat(claims.resolve(offloaded.get("blob")).asText()).hasSize(100_000);
    }

    @Test
    void nestedLargeValuesMoveDeepestFirstAndResolveRecursively() {
        ObjectNode inner = codec.mapper().createObjectNode();
        inner.put("big", "y".repeat(60_000));
        inner.put("id", 7);
        ObjectNode outer = codec.mapper().createObjectNode();
        outer.set("inner", inner);
        JsonNode offloaded = claims.offload(outer);
        assertThat(offloaded.at("/inner/id").asInt()).isEqualTo(7);
        assertThat(offloaded.at("/inner/big").has(ClaimCheck.FIELD)).isTrue();
        assertThat(claims.resolve(offloaded)).isEqualTo(outer);
    }

    @Test
    void aLongListOfSmallItemsMovesWhole() {
        ArrayNode list = codec.mapper().createArrayNode();
        for (int i = 0; i < 5_000; i++) {
            list.add("item-" + i);
        }
        JsonNode offloaded = claims.offload(list);
        assertThat(offloaded.has(ClaimCheck.FIELD)).isTrue();
        assertThat(claims.resolve(offloaded)).isEqualTo(list);
    }

    /** Just enough of a state store for claim checks: put and ordered listing. */
    private static final class MemoryStore implements StateStore {
        final Map<Key, StateValue> records = new ConcurrentSkipListMap<>();
        private final Codec codec;

        MemoryStore(Codec codec) {
            this.codec = codec;
        }

        @Override public String name() { return "claims"; }
        @Override public Optional<StateEntry> get(Key key) { throw new UnsupportedOperationException(); }
        @Override public Map<Key, StateEntry> getAll(Collection<Key> keys) { throw new UnsupportedOperationException(); }
        @Override public boolean delete(Key key, Condition condition) { throw new UnsupportedOperationException(); }
        @Override public Map<Key, Version> transact(Transaction t) { throw new UnsupportedOperationException(); }
        @Override public Codec codec() { return codec; }
        @Override public <T> Optional<T> unwrap(Class<T> type) { return Optional.empty(); }

        @Override
        public Version put(Key key, StateValue value, PutOptions options) {
            records.put(key, value);
            return new Version("1");
        }

        @Override
        public Page list(ListRequest request) {
            List<StateEntry> entries = records.entrySet().stream().filter(e -> e.getKey().group().equals(request.group()))
                    .map(e -> new StateEntry(e.getKey(), e.getValue(), new Version("1"), Optional.empty())).toList();
            return new Page(entries, Optional.empty());
        }
    }
}
