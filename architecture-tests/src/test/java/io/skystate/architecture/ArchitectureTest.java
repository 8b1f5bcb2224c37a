package io.skystate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.skystate.api.Skystate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link ArchitectureRules} against the production classes of every module on this module's test classpath
 * (directories when run in the reactor, jars after {@code package}).
 *
 * <p>Excluded: test output directories ({@code DO_NOT_INCLUDE_TESTS}), test jars ({@code *-tests.jar}), and the
 * {@code ..archfixture..} packages holding {@link ArchitectureRulesBiteTest}'s deliberate violations.
 *
 * <p>The cloud adapters ({@code aws}, {@code azure}, {@code gcp}) hold only a {@code package-info.java} so far.
 * ArchUnit 1.4.1 imports {@code package-info.class} as a class named {@code <package>.package-info} (an older or
 * newer ArchUnit might not); it has no dependencies, so the rules pass on it trivially. The rules name the adapters'
 * packages ({@link ArchitectureRules#ADAPTERS}), so an adapter's first real class is checked without further wiring.
 *
 * <p>Rules keep ArchUnit's default {@code failOnEmptyShould}: a rule whose {@code that()} matches no class fails,
 * and {@link #importContainsProductionClasses()} fails if the import itself is empty.
 */
class ArchitectureTest {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests?\\.jar.*");

    private static final ImportOption NO_TEST_JARS = location -> !location.matches(TEST_JAR);

    private static final ImportOption NO_FIXTURES = location -> !location.contains("/archfixture/");

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .withImportOption(NO_FIXTURES)
            .importPackages(ArchitectureRules.ROOT);

    @Test
    void importContainsProductionClasses() {
        assertThat(PRODUCTION.contain(Skystate.class)).as("io.skystate.api.Skystate imported").isTrue();
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().startsWith("io.skystate.api")).count())
                .as("classes imported from io.skystate.api")
                .isGreaterThan(10);
    }

    @ParameterizedTest(name = "io.skystate.{0}")
    @MethodSource("modules")
    void importContainsEveryModule(String module) {
        assertThat(PRODUCTION.stream().map(JavaClass::getPackageName))
                .as("classes (or package-info) imported from io.skystate.%s", module)
                .anyMatch(packageName -> ArchitectureRules.moduleOf(packageName).orElse("").equals(module));
    }

    @Test
    void importExcludesFixturesAndTests() {
        assertThat(PRODUCTION.stream().map(JavaClass::getName))
                .noneMatch(name -> name.contains(".archfixture."))
                .noneMatch(name -> name.startsWith("io.skystate.architecture."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionClassesFollow(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    static Stream<String> modules() {
        return Stream.concat(Stream.of("api", "core", "conformance", "spring", "examples", "gcpworkflows", "emulators",
                "observability", "maven"),
                ArchitectureRules.ADAPTERS.stream());
    }

    static Stream<Named<ArchRule>> rules() {
        return ArchitectureRules.ALL.stream().map(rule -> Named.of(rule.getDescription(), rule));
    }
}
