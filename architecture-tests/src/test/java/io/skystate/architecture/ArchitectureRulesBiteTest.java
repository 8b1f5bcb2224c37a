package io.skystate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.skystate.api.archfixture.ApiUsesArchUnit;
import io.skystate.api.archfixture.ApiUsesCore;
import io.skystate.api.archfixture.ApiUsesJdkOnly;
import io.skystate.aws.archfixture.AwsThing;
import io.skystate.aws.archfixture.ReachesIntoLocalInternal;
import io.skystate.conformance.archfixture.ConformanceUsesCore;
import io.skystate.conformance.archfixture.ConformanceUsesTestLibraries;
import io.skystate.core.archfixture.CoreStartsEmulator;
import io.skystate.core.archfixture.CoreThing;
import io.skystate.core.archfixture.CoreUsesGcp;
import io.skystate.emulators.archfixture.EmulatorThing;
import io.skystate.emulators.archfixture.EmulatorsUseArchUnit;
import io.skystate.gcp.archfixture.GcpThing;
import io.skystate.gcpworkflows.archfixture.RunnerUsesCore;
import io.skystate.gcpworkflows.archfixture.RunnerUsesJdkAndJackson;
import io.skystate.local.archfixture.LocalUsesAws;
import io.skystate.local.archfixture.LocalUsesOwnInternal;
import io.skystate.local.internal.archfixture.LocalInternalThing;
import io.skystate.maven.archfixture.PluginUsesAws;
import io.skystate.observability.archfixture.ObservabilityUsesApiAndTelemetry;
import io.skystate.observability.archfixture.ObservabilityUsesCore;
import org.junit.jupiter.api.Test;

/**
 * Proves that every rule in {@link ArchitectureRules} fails on a fixture that breaks it, and names the fixture, and
 * that the rules stay silent on compliant fixtures. The fixtures live in {@code io.skystate.<module>.archfixture}
 * packages of this module's test sources, which {@link ArchitectureTest} excludes.
 */
class ArchitectureRulesBiteTest {

    @Test
    void apiRuleBitesOnNonJdkDependency() {
        assertBites(ArchitectureRules.API_DEPENDS_ONLY_ON_JDK, ApiUsesArchUnit.class,
                "com.tngtech.archunit.core.domain.JavaClass", ApiUsesArchUnit.class);
    }

    @Test
    void apiRulesBiteOnCoreDependency() {
        assertBites(ArchitectureRules.API_DOES_NOT_DEPEND_ON_CORE, ApiUsesCore.class,
                CoreThing.class.getName(), ApiUsesCore.class, CoreThing.class);
        assertBites(ArchitectureRules.API_DEPENDS_ONLY_ON_JDK, ApiUsesCore.class,
                CoreThing.class.getName(), ApiUsesCore.class, CoreThing.class);
    }

    @Test
    void apiRulesAcceptJdkOnlyClass() {
        assertSilent(ArchitectureRules.API_DEPENDS_ONLY_ON_JDK, ApiUsesJdkOnly.class);
        assertSilent(ArchitectureRules.API_DOES_NOT_DEPEND_ON_CORE, ApiUsesJdkOnly.class);
    }

    @Test
    void coreRuleBitesOnAdapterDependency() {
        assertBites(ArchitectureRules.CORE_DOES_NOT_DEPEND_ON_ADAPTERS, CoreUsesGcp.class,
                GcpThing.class.getName(), CoreUsesGcp.class, GcpThing.class);
    }

    @Test
    void coreRuleAcceptsCoreWithoutAdapters() {
        assertSilent(ArchitectureRules.CORE_DOES_NOT_DEPEND_ON_ADAPTERS, CoreThing.class);
    }

    @Test
    void adapterRuleBitesOnAdapterToAdapterDependency() {
        assertBites(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, LocalUsesAws.class,
                AwsThing.class.getName(), LocalUsesAws.class, AwsThing.class);
    }

    @Test
    void adapterRuleAcceptsAdaptersThatKeepApart() {
        assertSilent(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                AwsThing.class, GcpThing.class, LocalUsesOwnInternal.class, LocalInternalThing.class);
    }

    @Test
    void conformanceRuleBitesOnCoreDependency() {
        assertBites(ArchitectureRules.CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES, ConformanceUsesCore.class,
                CoreThing.class.getName(), ConformanceUsesCore.class, CoreThing.class);
    }

    @Test
    void conformanceRuleAcceptsApiAndTestLibraries() {
        assertSilent(ArchitectureRules.CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES,
                ConformanceUsesTestLibraries.class);
    }

    @Test
    void runnerRuleBitesOnSkystateDependency() {
        assertBites(ArchitectureRules.GCP_WORKFLOWS_RUNNER_IS_STANDALONE, RunnerUsesCore.class,
                CoreThing.class.getName(), RunnerUsesCore.class, CoreThing.class);
    }

    @Test
    void runnerRuleAcceptsJdkAndJackson() {
        assertSilent(ArchitectureRules.GCP_WORKFLOWS_RUNNER_IS_STANDALONE, RunnerUsesJdkAndJackson.class);
    }

    @Test
    void observabilityRuleBitesOnCore() {
        assertBites(ArchitectureRules.OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY, ObservabilityUsesCore.class,
                CoreThing.class.getName(), ObservabilityUsesCore.class, CoreThing.class);
    }

    @Test
    void observabilityRuleAcceptsApiMicrometerAndOpenTelemetry() {
        assertSilent(ArchitectureRules.OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY,
                ObservabilityUsesApiAndTelemetry.class);
    }

    @Test
    void emulatorHarnessRuleBitesOnNonJdkDependency() {
        assertBites(ArchitectureRules.EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK, EmulatorsUseArchUnit.class,
                "com.tngtech.archunit.core.domain.JavaClass", EmulatorsUseArchUnit.class);
    }

    @Test
    void emulatorHarnessRuleAcceptsJdkOnlyClass() {
        assertSilent(ArchitectureRules.EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK, EmulatorThing.class);
    }

    @Test
    void harnessUseRuleBitesOnProductionClassStartingAnEmulator() {
        assertBites(ArchitectureRules.ONLY_TESTS_USE_THE_EMULATOR_HARNESS, CoreStartsEmulator.class,
                EmulatorThing.class.getName(), CoreStartsEmulator.class, EmulatorThing.class);
    }

    @Test
    void harnessUseRuleAcceptsTheHarnessAndCodeWithoutIt() {
        assertSilent(ArchitectureRules.ONLY_TESTS_USE_THE_EMULATOR_HARNESS, EmulatorThing.class, CoreThing.class);
    }

    @Test
    void internalRuleBitesOnAnotherModulesInternals() {
        EvaluationResult result = assertBites(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS,
                ReachesIntoLocalInternal.class, LocalInternalThing.class.getName(),
                ReachesIntoLocalInternal.class, LocalInternalThing.class);
        assertThat(result.getFailureReport().toString())
                .contains("module aws reaches into internal package io.skystate.local.internal.archfixture");
    }

    @Test
    void internalRuleAcceptsOwnModulesInternals() {
        assertSilent(ArchitectureRules.NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS,
                LocalUsesOwnInternal.class, LocalInternalThing.class);
    }

    @Test
    void moduleIsThirdPackageSegment() {
        assertThat(ArchitectureRules.moduleOf("io.skystate.local.internal.sqlite")).contains("local");
        assertThat(ArchitectureRules.moduleOf("io.skystate")).isEmpty();
        assertThat(ArchitectureRules.moduleOf("org.skystate.local")).isEmpty();
        assertThat(ArchitectureRules.isInternal("io.skystate.core.state.internal")).isTrue();
        assertThat(ArchitectureRules.isInternal("io.skystate.internal")).isFalse();
        assertThat(ArchitectureRules.isInternal("io.skystate.core.internalize")).isFalse();
    }

    private static EvaluationResult assertBites(ArchRule rule, Class<?> offender, String forbiddenTarget,
                                                Class<?>... imported) {
        EvaluationResult result = rule.evaluate(importOnly(imported));
        assertThat(result.hasViolation()).as("%s must fail on %s", rule.getDescription(), offender).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as("violations of %s", rule.getDescription())
                .anySatisfy(line -> assertThat(line).contains(offender.getName()).contains(forbiddenTarget));
        return result;
    }

    @Test
    void mavenPluginRuleBitesOnAdapterDependency() {
        assertBites(ArchitectureRules.MAVEN_PLUGIN_DOES_NOT_DEPEND_ON_ADAPTERS, PluginUsesAws.class,
                AwsThing.class.getName(), PluginUsesAws.class, AwsThing.class);
    }

    private static void assertSilent(ArchRule rule, Class<?>... imported) {
        EvaluationResult result = rule.evaluate(importOnly(imported));
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
        assertThat(result.hasViolation()).isFalse();
    }

    private static JavaClasses importOnly(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
