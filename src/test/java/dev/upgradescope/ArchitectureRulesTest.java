package dev.upgradescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that every rule of {@link ArchitectureTest} can fail: the program's classes plus a few test
 * classes under {@code archfixture} packages that each break one line on purpose. Each rule must
 * report exactly the fixtures that break it and nothing of the program (which {@link ArchitectureTest}
 * checks alone), so a rule that silently stopped matching anything would fail here.
 */
class ArchitectureRulesTest {

    private static JavaClasses programAndFixtures;

    @BeforeAll
    static void importClasses() {
        ImportOption program = new ImportOption.DoNotIncludeTests();
        programAndFixtures = new ClassFileImporter()
                .withImportOption(location -> program.includes(location) || location.contains("/archfixture/"))
                .importPackages(ArchitectureTest.ROOT);
    }

    static Stream<Arguments> rulesAndTheFixturesThatBreakThem() {
        return Stream.of(
                Arguments.of("layers", ArchitectureTest.layers,
                        List.of("ExportThatCallsTheWindow", "ProxyThatCallsTheCommandLine", "WireThatKnowsTheStore",
                                "Unplaced")),
                Arguments.of("wireIsJdkOnly", ArchitectureTest.wireIsJdkOnly, List.of("WireThatKnowsTheStore")),
                Arguments.of("windowSeesOnlyWhatDissectorsEmit", ArchitectureTest.windowSeesOnlyWhatDissectorsEmit,
                        List.of("ReachesADissector")),
                Arguments.of("viewModelsHoldNoControls", ArchitectureTest.viewModelsHoldNoControls,
                        List.of("ControlsViewModel")),
                Arguments.of("noPackageCycles", ArchitectureTest.noPackageCycles, List.of("Ping", "Pong")),
                Arguments.of("nothingBelowTheWindowUsesJavaFx", ArchitectureTest.nothingBelowTheWindowUsesJavaFx,
                        List.of("StoreWithJavaFx")),
                Arguments.of("onlyTheProxyUsesNetty", ArchitectureTest.onlyTheProxyUsesNetty,
                        List.of("StoreWithNetty")),
                Arguments.of("richTextOnlyInTheRawView", ArchitectureTest.richTextOnlyInTheRawView,
                        List.of("StyledOutsideTheRawView")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheFixturesThatBreakThem")
    void ruleReportsExactlyTheFixturesThatBreakIt(String name, ArchRule rule, List<String> breakers) {
        EvaluationResult result = rule.evaluate(programAndFixtures);

        assertThat(result.hasViolation()).as(name + " fails").isTrue();
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).as("every violation of " + name + " is a fixture's")
                .allSatisfy(d -> assertThat(d).contains(".archfixture."));
        String report = String.join("\n", details);
        for (String breaker : breakers) {
            assertThat(report).as(name + " reports " + breaker).contains(breaker);
        }
    }

    @org.junit.jupiter.api.Test
    void anExportThatKeepsItsLineIsAcceptedByTheLayers() {
        String report = String.join("\n", ArchitectureTest.layers.evaluate(programAndFixtures)
                .getFailureReport().getDetails());

        assertThat(report).contains("ExportThatCallsTheWindow").doesNotContain("ExportThatReadsTheStore");
    }
}
