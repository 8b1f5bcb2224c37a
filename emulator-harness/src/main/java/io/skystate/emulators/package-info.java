/**
 * Local cloud emulators for tests, each a real process started on a free loopback port from what
 * {@code scripts/install-emulators.sh} installed (nothing is downloaded at test time; no Docker).
 *
 * <p>One class per emulator: {@link io.skystate.emulators.Moto} (AWS), {@link io.skystate.emulators.Azurite} (Azure
 * Storage tables, queues, blobs), {@link io.skystate.emulators.CosmosEmulator} (Cosmos DB NoSQL),
 * {@link io.skystate.emulators.DurableTaskSidecar} (Durable Task), {@link io.skystate.emulators.FirestoreEmulator}
 * and {@link io.skystate.emulators.PubSubEmulator} (Google Cloud). Each has {@code get()}, one instance shared by the
 * whole JVM and stopped when it exits, and {@code start()}, a private instance the caller stops (for tests that kill
 * or restart it). {@link io.skystate.emulators.EmulatorProcess} is the generic part: start, log, readiness, stop of
 * the whole process tree.
 *
 * <p>Logs go to {@code target/emulators/<name>.log} under the working directory (the property
 * {@code skystate.emulators.logs} overrides the directory). The repository root, where {@code .emulators/} and
 * {@code emulators/} are, comes from {@link io.skystate.emulators.RepoPaths}. What each emulator does and does not
 * do, and how to configure a client for it: {@code emulators/README.md}.
 *
 * <p>JDK only: the modules using it bring their own cloud SDKs.
 */
package io.skystate.emulators;
