package io.skystate.bench.gcp;

import com.google.api.core.ApiFuture;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.grpc.ManagedChannelBuilder;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: the Firestore calls adapter-gcp's {@code FirestoreStateStore} makes, written by hand on
 * {@code google-cloud-firestore}, the client configured as the adapter configures its own for an emulator (project,
 * database {@code (default)}, the emulator credentials, a plaintext gRPC channel to {@code host:port}). Same layout
 * ({@code <prefix>state/g0/<prefix>records/<id>}) and document ({@code k} the id, {@code t} "json", {@code v} the
 * JSON text, {@code ver} a random 64-bit hex version): a point read with the expiry check ({@code x}); a
 * {@code set}; the conditional put as a transaction that reads the document, compares {@code ver} and sets; the
 * 10-put transaction as one transaction that reads the 10 documents first and then sets them (the store reads every
 * addressed document to check the operations' conditions, even when none has one). Group and ids ({@code g0},
 * {@code k0}...) are their own id encodings, so the documents equal the adapter's.
 */
public final class RawFirestore implements StateSide {
    private final Firestore firestore;
    private final String prefix;

    public RawFirestore(String emulatorHostPort, String project, String prefix) {
        this.firestore = FirestoreOptions.newBuilder().setProjectId(project).setDatabaseId("(default)")
                .setCredentialsProvider(FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
                .setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(emulatorHostPort)
                        .setChannelConfigurator(channel -> ((ManagedChannelBuilder<?>) channel).usePlaintext()
                                .intercept(List.of()))
                        .build())
                .build().getService();
        this.prefix = prefix;
    }

    /** The document of record {@code i}, its path built per call as the store builds it. */
    private DocumentReference ref(int i) {
        return firestore.collection(prefix + "state").document(StateOverheadBench.GROUP).collection(prefix + "records")
                .document(StateOverheadBench.IDS[i]);
    }

    /** A record as read: version and JSON. */
    public record Row(String version, String json) {
    }

    @Override
    public Object get(int i) {
        DocumentSnapshot doc = await(ref(i).get());
        return visible(doc, System.currentTimeMillis()) ? new Row(doc.getString("ver"), doc.getString("v")) : null;
    }

    @Override
    public Object put(int i) {
        String version = newVersion();
        await(ref(i).set(fields(i, version)));
        return version;
    }

    /** Reads, compares {@code ver} and sets, in one transaction (the client retries it on ABORTED). */
    @Override
    public Object conditionalPut(int i, Object expected) {
        String version = newVersion();
        Map<String, Object> fields = fields(i, version);
        DocumentReference ref = ref(i);
        await(firestore.runTransaction(tx -> {
            DocumentSnapshot current = tx.get(ref).get();
            if (!visible(current, System.currentTimeMillis()) || !expected.equals(current.getString("ver"))) {
                throw new IllegalStateException("version conflict on " + ref.getId());
            }
            tx.set(ref, fields);
            return null;
        }));
        return version;
    }

    @Override
    public Object transaction10() {
        int n = StateOverheadBench.TX_IDS.length;
        DocumentReference[] refs = new DocumentReference[n];
        String[] versions = new String[n];
        for (int i = 0; i < n; i++) {
            refs[i] = ref(i);
            versions[i] = newVersion();
        }
        return await(firestore.runTransaction(tx -> {
            tx.getAll(refs).get();
            for (int i = 0; i < n; i++) {
                tx.set(refs[i], fields(i, versions[i]));
            }
            return versions;
        }));
    }

    private static Map<String, Object> fields(int i, String version) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("k", StateOverheadBench.IDS[i]);
        fields.put("t", "json");
        fields.put("v", StateOverheadBench.DOC_TEXT);
        fields.put("ver", version);
        return fields;
    }

    private static boolean visible(DocumentSnapshot doc, long now) {
        if (!doc.exists()) {
            return false;
        }
        Timestamp expires = doc.getTimestamp("x");
        return expires == null || expires.toDate().getTime() > now;
    }

    private static String newVersion() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static <T> T await(ApiFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        firestore.close();
    }
}
