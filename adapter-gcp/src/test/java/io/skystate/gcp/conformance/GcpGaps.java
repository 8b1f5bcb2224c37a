package io.skystate.gcp.conformance;

import io.skystate.conformance.Gaps;

/**
 * Every conformance rule the Google Cloud adapter cannot show on its emulators, in one place, with the reason and the
 * emulator source that shows it. Each one is a limitation of {@code @firestore-emulator/server} 0.3.15, not of the
 * adapter: real Firestore isolates transactions (the server SDK's transactions lock what they read) and replaces a
 * document on a write without an update mask. pstest needs no gap.
 */
final class GcpGaps {
    private static final String EMULATOR = "@firestore-emulator/server 0.3.15 (github.com/YutaUra/firestore-emulator,"
            + " packages/server)";
    private static final String NO_ISOLATION = "the Firestore emulator has no transaction isolation: BeginTransaction"
            + " hands out a fixed dummy id, reads inside a transaction take no locks and Commit applies the writes one"
            + " by one, so racing read-check-write transactions all commit; Firestore's server SDK transactions lock"
            + " the documents they read until they commit";
    private static final String NO_ISOLATION_SOURCE = EMULATOR + ": src/server/FirestoreServiceV1Impl/index.ts"
            + " (BeginTransaction, BatchGetDocuments, Commit)";
    private static final String MERGES = "the Firestore emulator merges a write without an update mask into the"
            + " existing document instead of replacing it, so a field the new record lacks survives: re-putting a"
            + " record without an expiry keeps the old expiry field; Firestore replaces the whole document";
    private static final String MERGES_SOURCE = EMULATOR + ": src/FirestoreState/mask.ts (updateFields, called by"
            + " FirestoreStateDocument.set in src/FirestoreState/index.ts)";

    static final Gaps EMULATORS = Gaps.builder()
            .emulator("cond10", NO_ISOLATION, NO_ISOLATION_SOURCE)
            .emulator("state08", NO_ISOLATION, NO_ISOLATION_SOURCE)
            .emulator("tx07", NO_ISOLATION, NO_ISOLATION_SOURCE)
            .emulator("ttl04", MERGES + " (here: the expired record's expiry)", MERGES_SOURCE)
            .emulator("ttl09", MERGES, MERGES_SOURCE)
            .emulator("ttl10", MERGES + " (here: the past expiry of the first put)", MERGES_SOURCE)
            .build();

    private GcpGaps() {
    }
}
