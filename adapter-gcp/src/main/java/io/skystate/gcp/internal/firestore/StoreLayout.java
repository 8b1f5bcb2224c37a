package io.skystate.gcp.internal.firestore;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import io.skystate.api.state.Key;
import io.skystate.core.keys.FirestoreIds;

/**
 * Where a store's records live: {@code <prefix><store>/<group>/<prefix>records/<id>}, group and id encoded with
 * {@link FirestoreIds}. One top-level collection per store; each group is a (never written) parent document whose
 * subcollection holds its records, so a group lists as one plain collection query, group and id each get Firestore's
 * full 1,500-byte id budget (a flat {@code group+id} id would not fit two 256-char keys), and one TTL policy and one
 * set of index exemptions on the collection group {@code <prefix>records} cover every store. Immutable.
 */
public record StoreLayout(String prefix) {
    /** The collection group of every record of every store with this prefix (TTL policy, index exemptions). */
    public String recordsCollectionGroup() {
        return prefix + "records";
    }

    /** The top-level collection of {@code store}. */
    public String storeCollection(String store) {
        return prefix + store;
    }

    CollectionReference group(Firestore firestore, String store, String group) {
        return firestore.collection(storeCollection(store)).document(FirestoreIds.encode(group))
                .collection(recordsCollectionGroup());
    }

    DocumentReference record(Firestore firestore, String store, Key key) {
        return group(firestore, store, key.group()).document(FirestoreIds.encode(key.id()));
    }
}
