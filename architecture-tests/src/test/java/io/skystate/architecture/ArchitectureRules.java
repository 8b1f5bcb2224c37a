package io.skystate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The module boundaries of Skystate as ArchUnit rules. {@link ArchitectureTest} checks them against the production
 * classes; {@link ArchitectureRulesBiteTest} proves each one fails on a class that breaks it.
 *
 * <p>A module is identified by the third segment of a package name: {@code io.skystate.<module>..}.
 */
public final class ArchitectureRules {
    static final String ROOT = "io.skystate";

    /** The adapter modules' package segments: the one place to list a new adapter so that every rule covers it. */
    public static final List<String> ADAPTERS = List.of("local", "aws", "azure", "gcp");

    /**
     * {@code api} touches only the JDK. If this fails, a signature or implementation in {@code api} uses a library
     * type: replace it with a JDK type ({@code Duration}, {@code Optional}, {@code byte[]}, a record) or move the
     * code to {@code core}.
     */
    public static final ArchRule API_DEPENDS_ONLY_ON_JDK = classes()
            .that().resideInAPackage("io.skystate.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.skystate.api..")
            .as("api classes depend only on java.. and io.skystate.api..")
            .because("users of the portable API must not inherit library version conflicts");

    /** {@code api} does not know {@code core}; {@code core} implements the API, never the reverse. */
    public static final ArchRule API_DOES_NOT_DEPEND_ON_CORE = noClasses()
            .that().resideInAPackage("io.skystate.api..")
            .should().dependOnClassesThat().resideInAPackage("io.skystate.core..")
            .as("api classes do not depend on io.skystate.core..");

    /** {@code core} is shared by every adapter, so it must not know any of them. Move adapter code to the adapter. */
    public static final ArchRule CORE_DOES_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that().resideInAPackage("io.skystate.core..")
            .should().dependOnClassesThat().resideInAnyPackage(adapterPackages())
            .as("core classes do not depend on any adapter " + ADAPTERS);

    /**
     * An adapter depends on {@code api}, {@code core} and its own cloud SDKs, never on another adapter. If this
     * fails, move the shared code into {@code core}.
     */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .assignedFrom(new AdapterSlices())
            .should().notDependOnEachOther()
            .as("no adapter " + ADAPTERS + " depends on another adapter");

    /**
     * The conformance suites bind to the portable API only, so that every adapter can run them unchanged. If this
     * fails, the suite uses an implementation class: go through {@code io.skystate.api} instead.
     */
    public static final ArchRule CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES = classes()
            .that().resideInAPackage("io.skystate.conformance..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.skystate.api..", "io.skystate.conformance..",
                    "org.junit..", "org.assertj..", "org.opentest4j..", "org.awaitility..")
            .as("conformance classes depend only on java.., io.skystate.api.. and test libraries");

    /**
     * A class in {@code io.skystate.<m>..} may use an {@code internal} package of {@code io.skystate.<n>..} only if
     * {@code m == n}. If this fails, make the needed type public API of its module, or move the caller.
     */
    public static final ArchRule NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS = classes()
            .that().resideInAPackage(ROOT + "..")
            .should(notDependOnAnotherModulesInternals())
            .as("no module depends on another module's ..internal.. packages");

    /**
     * Skystate's Workflows runner ({@code gcp-workflows-runner}) is a standalone tool: it uses the JDK, Jackson and
     * itself, never another Skystate module, so that it can run any Workflows YAML without Skystate. If this fails,
     * copy the small piece needed into the runner instead of depending on the module.
     */
    public static final ArchRule GCP_WORKFLOWS_RUNNER_IS_STANDALONE = classes()
            .that().resideInAPackage("io.skystate.gcpworkflows..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax..", "com.sun.net.httpserver..", "com.fasterxml.jackson..",
                    "io.skystate.gcpworkflows..")
            .as("gcpworkflows classes depend only on the JDK, Jackson and io.skystate.gcpworkflows..")
            .because("the Workflows runner is a standalone tool usable without Skystate");

    /**
     * The emulator harness ({@code io.skystate.emulators}) touches only the JDK ({@code java..}, and the JDK's own
     * HTTP server {@code com.sun.net.httpserver} for the fault proxy). If this fails, the harness uses a library (a
     * cloud SDK, a test framework): probe with JDK types instead, and leave SDK clients to the module that uses the
     * harness.
     */
    public static final ArchRule EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK = classes()
            .that().resideInAPackage("io.skystate.emulators..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.sun.net.httpserver..",
                    "io.skystate.emulators..")
            .as("emulator harness classes depend only on java.., com.sun.net.httpserver.. and io.skystate.emulators..")
            .because("every adapter brings its own cloud SDK versions, which the harness must not pin");

    /**
     * Production code never starts an emulator: only tests use {@code io.skystate.emulators} (and the benchmarks,
     * which start moto for the AWS state benchmark). If this fails, a main class reaches for the test harness: take
     * the endpoint from configuration instead.
     */
    public static final ArchRule ONLY_TESTS_USE_THE_EMULATOR_HARNESS = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackages("io.skystate.emulators..", "io.skystate.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.skystate.emulators..")
            .as("no production class outside io.skystate.emulators depends on the emulator harness");

    /**
     * The Maven plugin ({@code io.skystate.maven}) holds no cloud code: it reaches a cloud only through the
     * {@code DeploymentPackager} its adapter provides, loaded at build time. If this fails, move the cloud-specific
     * code into that adapter's {@code deploy} package.
     */
    public static final ArchRule MAVEN_PLUGIN_DOES_NOT_DEPEND_ON_ADAPTERS = noClasses()
            .that().resideInAPackage("io.skystate.maven..")
            .should().dependOnClassesThat().resideInAnyPackage(adapterPackages())
            .as("maven plugin classes do not depend on any adapter " + ADAPTERS)
            .because("each cloud packages through its adapter's DeploymentPackager, found with ServiceLoader");

    /**
     * The observability module decorates the portable API and records with Micrometer and OpenTelemetry; it knows no
     * adapter and no {@code core} class, which is what lets one decorator observe every adapter. If this fails, the
     * decorator reaches past {@code io.skystate.api}: get what it needs through the API instead.
     */
    public static final ArchRule OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY = classes()
            .that().resideInAPackage("io.skystate.observability..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.skystate.api..",
                    "io.skystate.observability..", "io.micrometer..", "io.opentelemetry..")
            .as("observability classes depend only on java.., io.skystate.api.., Micrometer and OpenTelemetry")
            .because("one decorator observes every adapter only if it uses nothing but the portable API");

    /** Every rule, for {@link ArchitectureTest}. */
    public static final List<ArchRule> ALL = List.of(
            API_DEPENDS_ONLY_ON_JDK,
            API_DOES_NOT_DEPEND_ON_CORE,
            CORE_DOES_NOT_DEPEND_ON_ADAPTERS,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES,
            GCP_WORKFLOWS_RUNNER_IS_STANDALONE,
            EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK,
            ONLY_TESTS_USE_THE_EMULATOR_HARNESS,
            MAVEN_PLUGIN_DOES_NOT_DEPEND_ON_ADAPTERS,
            OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY,
            NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS);

    private ArchitectureRules() {
    }

    /** {@code io.skystate.<module>..} for each adapter. */
    static String[] adapterPackages() {
        return ADAPTERS.stream().map(adapter -> ROOT + "." + adapter + "..").toArray(String[]::new);
    }

    /** The module of a package: its third segment if it is under {@code io.skystate}. */
    static Optional<String> moduleOf(String packageName) {
        String[] segments = packageName.split("\\.");
        if (segments.length < 3 || !segments[0].equals("io") || !segments[1].equals("skystate")) {
            return Optional.empty();
        }
        return Optional.of(segments[2]);
    }

    /** Whether a package under {@code io.skystate.<module>} has an {@code internal} segment below the module. */
    static boolean isInternal(String packageName) {
        String[] segments = packageName.split("\\.");
        return segments.length > 3 && Arrays.asList(segments).subList(3, segments.length).contains("internal");
    }

    static ArchCondition<JavaClass> notDependOnAnotherModulesInternals() {
        return new ArchCondition<>("not depend on another module's ..internal.. packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> originModule = moduleOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String targetPackage = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<String> targetModule = moduleOf(targetPackage);
                    if (targetModule.isPresent() && isInternal(targetPackage) && !targetModule.equals(originModule)) {
                        events.add(SimpleConditionEvent.violated(dependency, String.format(
                                "%s [module %s reaches into internal package %s of module %s]",
                                dependency.getDescription(), originModule.orElse("?"), targetPackage,
                                targetModule.get())));
                    }
                }
            }
        };
    }

    /** One slice per adapter module; every other class is ignored. */
    private static final class AdapterSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return moduleOf(javaClass.getPackageName())
                    .filter(ADAPTERS::contains)
                    .map(SliceIdentifier::of)
                    .orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "adapters " + ADAPTERS;
        }
    }
}
