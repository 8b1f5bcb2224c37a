package io.skystate.local.selftest;

import static io.skystate.local.selftest.BrokenTargets.target;

import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.conformance.ConformanceTarget;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliberately broken state stores for the transaction, listing, key and limit suites. */
final class BrokenStoreTargets {
    private BrokenStoreTargets() {
    }

    /** Transactions applied one operation at a time, stopping at the first failure: not all-or-nothing. */
    static final ConformanceTarget PARTIAL_TRANSACTIONS = target("selftest-partial-transactions",
            real -> new DelegatingSkystate(real) {
                @Override
                public StateStore stateStore(String name) {
                    return new DelegatingStore(real.stateStore(name)) {
                        @Override
                        public Map<Key, Version> transact(Transaction transaction) {
                            Map<Key, Version> versions = new LinkedHashMap<>();
                            for (TransactionOperation op : transaction.operations()) {
                                if (op instanceof TransactionOperation.Put put) {
                                    versions.put(put.key(), real.put(put.key(), put.value(), put.options()));
                                } else if (op instanceof TransactionOperation.Delete delete) {
                                    real.delete(delete.key(), delete.condition());
                                }
                            }
                            return versions;
                        }
                    };
                }
            });

    /** Each page sorted by Java's UTF-16 string order instead of UTF-8 byte order. */
    static final ConformanceTarget UTF16_ORDER = target("selftest-utf16-order", real -> new DelegatingSkystate(real) {
        @Override
        public StateStore stateStore(String name) {
            return new DelegatingStore(real.stateStore(name)) {
                @Override
                public Page list(ListRequest request) {
                    Page page = real.list(request);
                    List<StateEntry> entries = new ArrayList<>(page.entries());
                    entries.sort(Comparator.comparing(e -> e.key().id()));
                    return new Page(entries, page.nextCursor());
                }
            };
        }
    });

    /** Ids normalised to Unicode NFC before use, so "é" and "e\u0301" address one record. */
    static final ConformanceTarget NORMALISED_KEYS = target("selftest-normalised-keys", real -> new DelegatingSkystate(real) {
        @Override
        public StateStore stateStore(String name) {
            return new DelegatingStore(real.stateStore(name)) {
                @Override
                public Version put(Key key, StateValue value, PutOptions options) {
                    return real.put(nfc(key), value, options);
                }

                @Override
                public Optional<StateEntry> get(Key key) {
                    return real.get(nfc(key));
                }
            };
        }
    });

    /** Records rejected as too large 1 KiB before the portable cap. */
    static final ConformanceTarget CAP_TOO_LOW = target("selftest-cap-too-low", real -> new DelegatingSkystate(real) {
        @Override
        public StateStore stateStore(String name) {
            return new DelegatingStore(real.stateStore(name)) {
                @Override
                public Version put(Key key, StateValue value, PutOptions options) {
                    if (StateLimits.recordSize(key, value) > StateLimits.MAX_RECORD_BYTES - 1024) {
                        throw new PayloadTooLargeException("selftest", "record over the (wrong) cap");
                    }
                    return real.put(key, value, options);
                }
            };
        }
    });

    private static Key nfc(Key key) {
        return Key.of(key.group(), Normalizer.normalize(key.id(), Normalizer.Form.NFC));
    }
}
