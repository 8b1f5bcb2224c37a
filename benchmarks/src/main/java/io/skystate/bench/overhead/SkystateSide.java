package io.skystate.bench.overhead;

import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;

/**
 * The Skystate side of every state-overhead benchmark: the four operations on a provider's {@link StateStore},
 * exactly as an application writes them. {@link #close()} closes the Skystate instance that owns the store.
 */
public final class SkystateSide implements StateSide {
    private final StateStore store;
    private final AutoCloseable owner;

    public SkystateSide(StateStore store, AutoCloseable owner) {
        this.store = store;
        this.owner = owner;
    }

    @Override
    public Object get(int i) {
        return store.get(StateOverheadBench.KEYS[i]).orElseThrow();
    }

    @Override
    public Object put(int i) {
        return store.put(StateOverheadBench.KEYS[i], StateValue.json(StateOverheadBench.DOC));
    }

    @Override
    public Object conditionalPut(int i, Object expected) {
        return store.put(StateOverheadBench.KEYS[i], StateValue.json(StateOverheadBench.DOC),
                PutOptions.ifVersion((Version) expected));
    }

    @Override
    public Object transaction10() {
        return store.transact(StateOverheadBench.TX);
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
