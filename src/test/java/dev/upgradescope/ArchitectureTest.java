package dev.upgradescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Holds the layering of DESIGN.md: wire ← dissect ← capture ← proxy/replay/demo ← ui/cli. */
@AnalyzeClasses(packages = "dev.upgradescope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule wireIsJdkOnly = noClasses().that().resideInAPackage("dev.upgradescope.wire..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.upgradescope.wire..", "java..");

    @ArchTest
    static final ArchRule dissectorsUseOnlyWire = noClasses()
            .that().resideInAnyPackage("dev.upgradescope.dissect.http1..", "dev.upgradescope.dissect.websocket..",
                    "dev.upgradescope.dissect.http2..", "dev.upgradescope.dissect.tls..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.upgradescope.capture..",
                    "dev.upgradescope.encode..", "dev.upgradescope.proxy..", "dev.upgradescope.replay..",
                    "dev.upgradescope.demo..", "dev.upgradescope.ui..", "dev.upgradescope.cli..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule dissectIsBelowCapture = noClasses().that().resideInAPackage("dev.upgradescope.dissect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.upgradescope.capture..",
                    "dev.upgradescope.encode..", "dev.upgradescope.proxy..", "dev.upgradescope.replay..",
                    "dev.upgradescope.demo..", "dev.upgradescope.ui..", "dev.upgradescope.cli..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule encodeUsesOnlyWire = noClasses().that().resideInAPackage("dev.upgradescope.encode..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.upgradescope.dissect..",
                    "dev.upgradescope.capture..", "dev.upgradescope.proxy..", "dev.upgradescope.ui..",
                    "dev.upgradescope.cli..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule captureIsBelowProxy = noClasses().that().resideInAPackage("dev.upgradescope.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.upgradescope.proxy..",
                    "dev.upgradescope.replay..", "dev.upgradescope.demo..", "dev.upgradescope.ui..",
                    "dev.upgradescope.cli..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingImportsUi = noClasses()
            .that().resideOutsideOfPackages("dev.upgradescope.ui..")
            .and().doNotHaveFullyQualifiedName("dev.upgradescope.Main")
            .should().dependOnClassesThat().resideInAPackage("dev.upgradescope.ui..");

    @ArchTest
    static final ArchRule cliIsNotImportedBelow = noClasses()
            .that().resideOutsideOfPackages("dev.upgradescope.cli..")
            .and().doNotHaveFullyQualifiedName("dev.upgradescope.Main")
            .should().dependOnClassesThat().resideInAPackage("dev.upgradescope.cli..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.upgradescope.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..");

    @ArchTest
    static final ArchRule onlyProxyAndReplayUseNetty = noClasses()
            .that().resideOutsideOfPackages("dev.upgradescope.proxy..", "dev.upgradescope.replay..",
                    "dev.upgradescope.demo..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");
}
