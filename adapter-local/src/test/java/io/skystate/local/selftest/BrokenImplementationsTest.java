package io.skystate.local.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import java.util.stream.Stream;

/**
 * The conformance suite must catch broken implementations: each binding in {@link BrokenBindings} runs through
 * the JUnit engine and the named rules must fail.
 */
class BrokenImplementationsTest {
    static Stream<Arguments> brokenBindings() {
        return Stream.of(
                Arguments.of(BrokenBindings.VersionsCondition.class,
                        Set.of("cond02_staleVersionPutRejected", "cond05_staleVersionDeleteRejected",
                                "cond10_racingConditionalWritesHaveOneWinner")),
                Arguments.of(BrokenBindings.VersionsStore.class, Set.of("state08_concurrentIncrementsAreExact")),
                Arguments.of(BrokenBindings.ExpiredTtl.class,
                        Set.of("ttl01_expiredRecordInvisibleToGet", "ttl02_expiredRecordInvisibleToGetAll",
                                "ttl03_expiredRecordInvisibleToList", "ttl10_pastExpiryInvisibleImmediately")),
                Arguments.of(BrokenBindings.ReusableCallbacks.class,
                        Set.of("callback05_secondResolutionRejected", "callback06_completeAfterFailRejected")),
                Arguments.of(BrokenBindings.RedeliveryQueue.class, Set.of("queue02_redeliveryAfterVisibilityTimeout")),
                Arguments.of(BrokenBindings.NotIdempotent.class,
                        Set.of("idempotency01_sequentialDuplicateRunsOnce", "idempotency02_concurrentDuplicatesRunOnce")));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("brokenBindings")
    void suiteCatchesBrokenImplementation(Class<?> binding, Set<String> mustFail) {
        Set<String> failed = new TreeSet<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(binding)).execute()
                .testEvents().failed().stream()
                .map(Event::getTestDescriptor)
                .forEach(d -> d.getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName()).ifPresent(failed::add));
        assertThat(failed).as("rules that failed against %s", binding.getSimpleName()).containsAll(mustFail);
    }
}
