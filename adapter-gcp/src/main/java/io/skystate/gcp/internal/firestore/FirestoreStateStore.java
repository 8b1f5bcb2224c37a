package io.skystate.gcp.internal.firestore;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.VersionConflictException;
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
import io.skystate.core.retry.Retrier;
import io.skystate.core.retry.RetryPolicy;
import io.skystate.core.state.WriteGuard;
import io.skystate.gcp.internal.GcpErrors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StateStore} on Firestore (layout: {@link StoreLayout}, fields: {@link Records}). Reads are strongly
 * consistent (Firestore's default). Unconditional puts are one {@code set}; if-absent puts are one {@code create}
 * (these and plain reads are repeated on {@code ABORTED}),
 * falling back to a transaction only when an expired document still occupies the id; version-conditional puts and
 * every delete (which must say whether a visible record was there) run in a Firestore transaction that reads, checks
 * the condition and writes, see {@link Conditions}. Listing is a query ordered by the encoded id ({@code k}) with
 * {@code k > cursor}, dropping expired documents, so a page may be short. Thread-safe.
 */
public final class FirestoreStateStore implements StateStore {
    private static final String CURSOR_PREFIX = "f1.";
    /**
     * Reads and single writes outside a transaction, retried on ABORTED (a transaction held the document), which the
     * client's retry policies leave out. ABORTED means nothing was applied, so repeating the call is safe.
     */
    private static final Retrier ABORTED_RETRY = new Retrier(RetryPolicy.providerDefault(),
            e -> GcpErrors.code(e).filter(io.grpc.Status.Code.ABORTED::equals).isPresent());

    private final String name;
    private final StoreLayout layout;
    private final Firestore firestore;
    private final WriteGuard guard;
    private final Codec codec;
    private final Clock clock;
    private final FirestoreTransactions transactions;

    public FirestoreStateStore(String name, StoreLayout layout, Firestore firestore, WriteGuard guard, Codec codec,
            Clock clock) {
        this.name = name;
        this.layout = layout;
        this.firestore = firestore;
        this.guard = guard;
        this.codec = codec;
        this.clock = clock;
        this.transactions = new FirestoreTransactions(name, layout, firestore, guard, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        DocumentSnapshot doc = ABORTED_RETRY.call(() -> GcpErrors.await("get " + key, ref(key).get()));
        return Records.entry(key.group(), doc, clock.millis());
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        List<Key> distinct = keys.stream().distinct().toList();
        Map<Key, StateEntry> found = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Key> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
            DocumentReference[] refs = chunk.stream().map(this::ref).toArray(DocumentReference[]::new);
            List<DocumentSnapshot> docs = ABORTED_RETRY.call(() -> GcpErrors.await("get " + chunk.size()
                    + " records from " + name, firestore.getAll(refs)));
            long now = clock.millis();
            for (int i = 0; i < chunk.size(); i++) {
                Key key = chunk.get(i);
                Records.entry(key.group(), docs.get(i), now).ifPresent(e -> found.put(key, e));
            }
        }
        return found;
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        guard.checkPut(key, value);
        Version version = Records.newVersion();
        Map<String, Object> fields = Records.fields(key, value, version, options.expiresAt());
        DocumentReference ref = ref(key);
        switch (options.condition().kind()) {
            case NONE -> ABORTED_RETRY.call(() -> GcpErrors.await("put " + key, ref.set(fields)));
            case IF_ABSENT -> createOrReplaceExpired(key, ref, fields, options.condition());
            case IF_VERSION -> conditionalWrite("put " + key, key, ref, options.condition(), fields);
        }
        return version;
    }

    private void createOrReplaceExpired(Key key, DocumentReference ref, Map<String, Object> fields, Condition condition) {
        try {
            ABORTED_RETRY.call(() -> GcpErrors.await("create " + key, ref.create(fields)));
        } catch (AlreadyExistsException present) {
            // Possibly an expired document Firestore's TTL has not deleted yet: replace it only if it is expired.
            conditionalWrite("put " + key, key, ref, condition, fields);
        }
    }

    /** Reads, checks and writes ({@code fields}) or deletes ({@code null}) in one transaction; true if it was visible. */
    private boolean conditionalWrite(String what, Key key, DocumentReference ref, Condition condition,
            Map<String, Object> fields) {
        return GcpErrors.await(what, firestore.runTransaction(tx -> {
            DocumentSnapshot current = GcpErrors.join(tx.get(ref));
            long now = clock.millis();
            if (!Conditions.holds(condition, current, now)) {
                throw conditionFailed(key, condition);
            }
            if (fields == null) {
                tx.delete(ref);
            } else {
                tx.set(ref, fields);
            }
            return Records.visible(current, now);
        }));
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        return conditionalWrite("delete " + key, key, ref(key), condition, null);
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        return transactions.apply(transaction);
    }

    @Override
    public Page list(ListRequest request) {
        Query query = layout.group(firestore, name, request.group()).orderBy(Records.SORT_KEY);
        if (request.cursor().isPresent()) {
            query = layout.group(firestore, name, request.group())
                    .whereGreaterThan(Records.SORT_KEY, decodeCursor(request.cursor().get())).orderBy(Records.SORT_KEY);
        }
        Query page1 = query.limit(request.pageSize() + 1);
        List<QueryDocumentSnapshot> docs = ABORTED_RETRY.call(() -> GcpErrors.await("list " + request.group(),
                page1.get())).getDocuments();
        boolean more = docs.size() > request.pageSize();
        List<QueryDocumentSnapshot> page = more ? docs.subList(0, request.pageSize()) : docs;
        long now = clock.millis();
        List<StateEntry> entries = new ArrayList<>();
        page.forEach(doc -> Records.entry(request.group(), doc, now).ifPresent(entries::add));
        Optional<String> next = more
                ? Optional.of(encodeCursor(page.get(page.size() - 1).getString(Records.SORT_KEY)))
                : Optional.empty();
        return new Page(entries, next);
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(firestore) ? Optional.of(type.cast(firestore)) : Optional.empty();
    }

    private DocumentReference ref(Key key) {
        return layout.record(firestore, name, key);
    }

    static RuntimeException conditionFailed(Key key, Condition condition) {
        return condition.kind() == Condition.Kind.IF_ABSENT
                ? new AlreadyExistsException(GcpErrors.PROVIDER, key + " already exists")
                : new VersionConflictException(GcpErrors.PROVIDER, key + " " + Conditions.describe(condition)
                        + (condition.version() == null ? "" : " (expected " + condition.version() + ")"));
    }

    private static String encodeCursor(String sortKey) {
        return CURSOR_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            if (cursor.startsWith(CURSOR_PREFIX)) {
                return new String(Base64.getUrlDecoder().decode(cursor.substring(CURSOR_PREFIX.length())),
                        StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidRequestException(GcpErrors.PROVIDER, "not a cursor issued by this store: " + cursor);
    }
}
