package io.skystate.local.selftest;

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
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Forwards to a real store; broken variants override the operation they break. */
class DelegatingStore implements StateStore {
    final StateStore real;

    DelegatingStore(StateStore real) {
        this.real = real;
    }

    @Override public String name() { return real.name(); }
    @Override public Optional<StateEntry> get(Key key) { return real.get(key); }
    @Override public Map<Key, StateEntry> getAll(Collection<Key> keys) { return real.getAll(keys); }
    @Override public Version put(Key key, StateValue value, PutOptions options) { return real.put(key, value, options); }
    @Override public boolean delete(Key key, Condition condition) { return real.delete(key, condition); }
    @Override public Map<Key, Version> transact(Transaction transaction) { return real.transact(transaction); }
    @Override public Page list(ListRequest request) { return real.list(request); }
    @Override public Codec codec() { return real.codec(); }
    @Override public <T> Optional<T> unwrap(Class<T> type) { return real.unwrap(type); }
}
