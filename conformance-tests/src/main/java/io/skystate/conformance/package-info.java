/**
 * The Skystate conformance suite: one class per capability, each rule a {@code public final}
 * {@link io.skystate.conformance.ConformanceRule} method named {@code <prefix><NN>_<what>} whose Javadoc states the
 * guarantee and what to check when it fails.
 *
 * <p><b>Binding an adapter</b> takes one {@link io.skystate.conformance.ConformanceTarget} (usually a singleton) and
 * one test class with a single factory method; {@link io.skystate.conformance.Conformance} turns every suite into a
 * container of dynamic tests:
 *
 * <pre>{@code
 * final class LocalTarget implements ConformanceTarget {
 *     static final LocalTarget INSTANCE = new LocalTarget();
 *     public String adapterId() { return "local"; }
 *     public Skystate open() { return LocalSkystate.inMemory(); }
 *     public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
 *         return LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build();
 *     }
 *     public Gaps gaps() { return Gaps.none(); }
 *     // optional: longer waits for targets behind a network
 *     public Timing timing() { return Timing.DEFAULT.scaledBy(2); }
 *     // optional, for the restart rules of WorkflowScaleConformance (a DURABLE_WORKFLOWS gap without them):
 *     public Skystate openDurable() { return LocalSkystate.builder().file(newTempFile()).build(); }
 *     public Skystate reopen(Skystate previous) { previous.close(); return LocalSkystate.builder().file(fileOf(previous)).build(); }
 * }
 *
 * class LocalConformanceTest {
 *     @TestFactory
 *     Stream<DynamicNode> conformance() { return Conformance.suites(LocalTarget.INSTANCE); }
 * }
 * }</pre>
 *
 * An adapter with a second state store binds {@link io.skystate.conformance.Conformance#STATE} to a second target.
 *
 * Suites: {@link io.skystate.conformance.StateStoreConformance} ({@code state}),
 * {@link io.skystate.conformance.StateConditionConformance} ({@code cond}),
 * {@link io.skystate.conformance.StateTtlConformance} ({@code ttl}),
 * {@link io.skystate.conformance.StateTransactionConformance} ({@code tx}),
 * {@link io.skystate.conformance.StateListingConformance} ({@code list}),
 * {@link io.skystate.conformance.StateKeyConformance} ({@code key}),
 * {@link io.skystate.conformance.StateLimitConformance} ({@code limit}),
 * {@link io.skystate.conformance.CallbackConformance} ({@code callback}),
 * {@link io.skystate.conformance.CallbackHttpConformance} ({@code http}),
 * {@link io.skystate.conformance.QueueConformance} ({@code queue}),
 * {@link io.skystate.conformance.HandlerConformance} ({@code handler}),
 * {@link io.skystate.conformance.IdempotencyConformance} ({@code idempotency}),
 * {@link io.skystate.conformance.SessionConformance} ({@code session}),
 * {@link io.skystate.conformance.WorkflowConformance} ({@code wf}),
 * {@link io.skystate.conformance.WorkflowDefinitionConformance} ({@code wfdef}),
 * {@link io.skystate.conformance.WorkflowErrorConformance} ({@code wferr}),
 * {@link io.skystate.conformance.WorkflowCallbackConformance} ({@code wfcb}),
 * {@link io.skystate.conformance.WorkflowScaleConformance} ({@code wfscale}),
 * {@link io.skystate.conformance.WorkflowPortabilityConformance} ({@code wfport}),
 * {@link io.skystate.conformance.WorkflowHistoryConformance} ({@code wfhist}) and
 * {@link io.skystate.conformance.WorkflowOperationsConformance} ({@code wfops}: run listing, pending callbacks,
 * signals, redrive, invocation ids).
 *
 * <p><b>Durable instances.</b> {@link io.skystate.conformance.ConformanceTarget#openDurable()} and
 * {@link io.skystate.conformance.ConformanceTarget#reopen(io.skystate.api.Skystate)} are optional: the restart rules
 * use them to close an instance with workflow runs in flight and open the same storage again. A binding that does not
 * implement them (or whose durable instance lacks {@code DURABLE_WORKFLOWS}) gets those rules reported as a
 * capability gap. The workflow rules register their own uniquely named handlers before the definitions that name
 * them, and keep to the portable durations: whole seconds, at least one.
 *
 * <p>Each suite opens one instance before its first rule and closes it after its last; rules
 * isolate themselves with unique store, group, queue and handler names, so {@code open()} may hand out instances
 * backed by a shared emulator.
 *
 * <p><b>Gaps.</b> A rule the adapter knowingly does not meet is declared, never overridden away:
 * {@code Gaps.builder().emulator("ttl03", "Azurite ignores ...", "https://github.com/...").build()}. The rule still
 * runs: if it fails, it is reported (and skipped in JUnit) as {@code declared emulator gap: <reason> (<reference>)};
 * if it passes, it is reported as {@code PASSED_DESPITE_GAP}, so a gap the emulator or adapter no longer needs
 * shows up in the summary and the support matrix. Optional features are read from
 * {@link io.skystate.api.Skystate#capabilities()}: a rule needing one the adapter lacks is skipped and reported as
 * a gap {@code capability CALLBACK_URLS not offered}; rules whose expected behaviour depends on a capability
 * (cross-group transactions) check whichever behaviour the capability promises.
 *
 * <p><b>Reports.</b> Each suite run writes
 * {@code target/conformance-reports/<adapterId>/<Suite>.json} (relative to the working directory, the module
 * directory under surefire) with every rule's result ({@code PASSED}, {@code PASSED_DESPITE_GAP}, {@code FAILED},
 * {@code GAP}, {@code ABORTED}), reason and duration, and prints {@code conformance <adapter> <suite>: N passed, M failed,
 * G declared gaps}.
 */
package io.skystate.conformance;
