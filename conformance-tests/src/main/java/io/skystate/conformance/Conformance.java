package io.skystate.conformance;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Binds the suites to a target in one declaration. An adapter's test sources hold one class per target:
 *
 * <pre>{@code
 * class LocalConformanceTest {
 *     @TestFactory
 *     Stream<DynamicNode> conformance() {
 *         return Conformance.suites(LocalTarget.INSTANCE);
 *     }
 * }
 * }</pre>
 *
 * Each suite becomes a container and each rule a dynamic test; a suite's instance is opened before its first rule
 * and closed (and its report written) when its last rule has run. Rules with a declared {@link Gap} run too: a
 * failure is reported as the gap, a pass as {@code PASSED_DESPITE_GAP} so stale gaps surface.
 */
public final class Conformance {
    /** The state-store suites: what a second state store of one adapter binds to. */
    public static final List<Class<? extends ConformanceSuite>> STATE = List.of(StateStoreConformance.class,
            StateConditionConformance.class, StateTtlConformance.class, StateTransactionConformance.class,
            StateListingConformance.class, StateKeyConformance.class, StateLimitConformance.class,
            IdempotencyConformance.class);

    /** The system property that narrows a run to some suites: {@link #suites(ConformanceTarget, Collection)}. */
    public static final String ONLY_PROPERTY = "skystate.suites";

    /** The workflow suites. */
    public static final List<Class<? extends ConformanceSuite>> WORKFLOWS = List.of(WorkflowConformance.class,
            WorkflowDefinitionConformance.class, WorkflowErrorConformance.class, WorkflowCallbackConformance.class,
            WorkflowScaleConformance.class, WorkflowPortabilityConformance.class, WorkflowHistoryConformance.class,
            WorkflowOperationsConformance.class);

    /** Every suite. */
    public static final List<Class<? extends ConformanceSuite>> ALL = Stream.of(STATE, List.of(
            CallbackConformance.class, CallbackHttpConformance.class, QueueConformance.class, HandlerConformance.class,
            SessionConformance.class), WORKFLOWS).flatMap(List::stream).toList();

    private Conformance() {
    }

    /** Every suite bound to {@code target}. */
    public static Stream<DynamicNode> suites(ConformanceTarget target) {
        return suites(target, ALL);
    }

    /**
     * The given suites bound to {@code target}, in the order given. The system property {@value #ONLY_PROPERTY}
     * (simple class names, comma-separated) narrows them for a focused run, e.g.
     * {@code -Dskystate.suites=WorkflowConformance,StateStoreConformance}.
     */
    public static Stream<DynamicNode> suites(ConformanceTarget target,
            Collection<Class<? extends ConformanceSuite>> suites) {
        List<String> only = Stream.of(System.getProperty(ONLY_PROPERTY, "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        return suites.stream().filter(type -> only.isEmpty() || only.contains(type.getSimpleName()))
                .map(type -> SuiteRun.container(target, type));
    }

    /**
     * The rule ids (such as {@code wf01}) of the given suites, in suite order and by name within a suite: what a
     * binding declares a gap for every rule of some suites with, so that a rule added later is covered too.
     */
    public static List<String> ruleIds(Collection<Class<? extends ConformanceSuite>> suites) {
        return suites.stream().flatMap(type -> SuiteRun.rules(type).stream())
                .map(method -> RuleResult.split(method.getName())[0]).toList();
    }
}
