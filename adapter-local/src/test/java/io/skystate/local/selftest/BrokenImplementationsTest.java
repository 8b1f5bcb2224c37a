package io.skystate.local.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.conformance.CallbackConformance;
import io.skystate.conformance.CallbackHttpConformance;
import io.skystate.conformance.Conformance;
import io.skystate.conformance.ConformanceSuite;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.HandlerConformance;
import io.skystate.conformance.IdempotencyConformance;
import io.skystate.conformance.QueueConformance;
import io.skystate.conformance.SessionConformance;
import io.skystate.conformance.StateConditionConformance;
import io.skystate.conformance.StateKeyConformance;
import io.skystate.conformance.StateLimitConformance;
import io.skystate.conformance.StateListingConformance;
import io.skystate.conformance.StateStoreConformance;
import io.skystate.conformance.StateTransactionConformance;
import io.skystate.conformance.StateTtlConformance;
import io.skystate.conformance.WorkflowCallbackConformance;
import io.skystate.conformance.WorkflowConformance;
import io.skystate.conformance.WorkflowDefinitionConformance;
import io.skystate.conformance.WorkflowErrorConformance;
import io.skystate.conformance.WorkflowHistoryConformance;
import io.skystate.conformance.WorkflowOperationsConformance;
import io.skystate.conformance.WorkflowPortabilityConformance;
import io.skystate.conformance.WorkflowScaleConformance;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * The conformance suite must catch broken implementations: every suite is run against at least one deliberately
 * broken target, and the named rules must fail.
 */
class BrokenImplementationsTest {
    static Stream<Arguments> brokenTargets() {
        return Stream.of(
                broken(BrokenTargets.IGNORES_VERSIONS, StateConditionConformance.class,
                        "cond02_staleVersionPutRejected", "cond05_staleVersionDeleteRejected",
                        "cond10_racingConditionalWritesHaveOneWinner"),
                broken(BrokenTargets.IGNORES_VERSIONS, StateStoreConformance.class, "state08_concurrentIncrementsAreExact"),
                broken(BrokenTargets.SHOWS_EXPIRED, StateTtlConformance.class, "ttl01_expiredRecordInvisibleToGet",
                        "ttl02_expiredRecordInvisibleToGetAll", "ttl03_expiredRecordInvisibleToList",
                        "ttl10_pastExpiryInvisibleImmediately"),
                broken(BrokenStoreTargets.PARTIAL_TRANSACTIONS, StateTransactionConformance.class, "tx01_allOrNothing"),
                broken(BrokenStoreTargets.UTF16_ORDER, StateListingConformance.class, "list01_utf8Order"),
                broken(BrokenStoreTargets.NORMALISED_KEYS, StateKeyConformance.class, "key05_lookalikeIdsAreDistinct"),
                broken(BrokenStoreTargets.CAP_TOO_LOW, StateLimitConformance.class, "limit01_bytesValueAtExactCap",
                        "limit03_jsonValueAtExactCap"),
                broken(BrokenTargets.NOT_IDEMPOTENT, IdempotencyConformance.class,
                        "idempotency01_sequentialDuplicateRunsOnce", "idempotency02_concurrentDuplicatesRunOnce"),
                broken(BrokenTargets.REUSABLE_TOKENS, CallbackConformance.class, "callback05_secondResolutionRejected",
                        "callback06_completeAfterFailRejected"),
                broken(BrokenServiceTargets.URL_WITHOUT_TOKEN, CallbackHttpConformance.class, "http01_completeViaHttp"),
                broken(BrokenTargets.NEVER_REDELIVERS, QueueConformance.class, "queue02_redeliveryAfterVisibilityTimeout"),
                broken(BrokenServiceTargets.FIRST_HANDLER_WINS, HandlerConformance.class,
                        "handler07_reRegisterReplacesAndNamesValidated"),
                broken(BrokenServiceTargets.SESSIONS_IGNORE_TTL, SessionConformance.class, "session03_expiredTokenRejected"),
                broken(BrokenWorkflowTargets.DROPS_INPUT, WorkflowConformance.class, "wf01_sequencePassesData"),
                broken(BrokenWorkflowTargets.LENIENT_REGISTRATION, WorkflowDefinitionConformance.class,
                        "wfdef01_invalidDefinitionReportsEveryProblem"),
                broken(BrokenWorkflowTargets.DROPS_RETRIES, WorkflowErrorConformance.class, "wferr01_retryThenSuccess"),
                broken(BrokenWorkflowTargets.FAIL_AS_COMPLETE, WorkflowCallbackConformance.class, "wfcb02_failCaught",
                        "wfcb03_failUncaught"),
                broken(BrokenWorkflowTargets.FORGETS_ON_RESTART, WorkflowScaleConformance.class,
                        "wfscale04_restartResumesRuns"),
                broken(BrokenWorkflowTargets.LENIENT_REGISTRATION, WorkflowPortabilityConformance.class,
                        "wfport01_loopWithoutEndRejected", "wfport03_compensationInBranchRejected"),
                broken(BrokenWorkflowTargets.OPTIMISTIC_HISTORY, WorkflowHistoryConformance.class,
                        "wfhist01_sagaFailure", "wfhist03_retriesChoicesAndCaughtBranch"),
                broken(BrokenOperationTargets.UNFILTERED_RUNS, WorkflowOperationsConformance.class,
                        "wfops01_listsAWorkflowsRunsNewestFirst", "wfops02_filtersByStatusAndStartRange"),
                broken(BrokenOperationTargets.DROPS_EARLY_SIGNALS, WorkflowOperationsConformance.class,
                        "wfops05_signalBeforeTheStepIsKept", "wfops07_eventsOfANameAreConsumedInOrder"),
                broken(BrokenOperationTargets.LENIENT_REDRIVE, WorkflowOperationsConformance.class,
                        "wfops10_redriveResumesAtTheFailedStep", "wfops11_redriveRefusedWhereItCannotHelp"),
                broken(BrokenOperationTargets.ID_PER_ATTEMPT, WorkflowOperationsConformance.class,
                        "wfops13_invocationIdStableAcrossRetries", "wfops15_compensationInvocations"));
    }

    @ParameterizedTest(name = "{0} caught by {1}")
    @MethodSource("brokenTargets")
    void suiteCatchesBrokenImplementation(ConformanceTarget target, Class<? extends ConformanceSuite> suite,
            Set<String> mustFail) {
        assertThat(failedRules(target, suite)).as("rules of %s that failed against %s", suite.getSimpleName(),
                target.adapterId()).containsAll(mustFail);
    }

    @Test
    void everySuiteIsShownToCatchABrokenImplementation() {
        Set<Class<?>> covered = new HashSet<>();
        brokenTargets().forEach(args -> covered.add((Class<?>) ((Named<?>) args.get()[1]).getPayload()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Conformance.ALL);
    }

    private static Arguments broken(ConformanceTarget target, Class<? extends ConformanceSuite> suite, String... rules) {
        return Arguments.of(Named.of(target.adapterId(), target), Named.of(suite.getSimpleName(), suite), Set.of(rules));
    }

    /** Runs one suite's dynamic tests directly and collects the rules that failed (not those skipped). */
    private static Set<String> failedRules(ConformanceTarget target, Class<? extends ConformanceSuite> suite) {
        Set<String> failed = new TreeSet<>();
        try (Stream<DynamicNode> suites = Conformance.suites(target, List.of(suite))) {
            suites.forEach(node -> {
                try (Stream<? extends DynamicNode> rules = ((DynamicContainer) node).getChildren()) {
                    rules.forEach(rule -> {
                        DynamicTest test = (DynamicTest) rule;
                        try {
                            test.getExecutable().execute();
                        } catch (TestAbortedException skipped) {
                            // not a failure: a capability the broken target lacks
                        } catch (Throwable failure) {
                            failed.add(test.getDisplayName());
                        }
                    });
                }
            });
        }
        return failed;
    }
}
