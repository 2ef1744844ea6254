package dev.upgradescope;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.upgradescope.wire.FindingKind;
import dev.upgradescope.wire.Unit;

/**
 * Holds the program's layering: {@code wire} ← {@code dissect} ← {@code capture} (with {@code export}
 * beside it) ← {@code proxy} ← {@code ui} / {@code cli}, the entry point {@code Main} above both. Below
 * the window nothing touches JavaFX; only the proxy touches Netty; RichTextFX stays in the raw view;
 * the window sees of {@code dissect} only what dissectors emit; ViewModels hold state, not controls;
 * no two packages depend on each other. Bytes come in at the bottom (wire types, then the pure
 * dissectors), the recorder and the session store sit on them, the proxy feeds the recorder, and the
 * window and the command line are the two faces on top that nothing else may call.
 *
 * <p>Every rule here has classes on both sides, so none of them can pass by being empty; the
 * {@link ArchitectureRulesTest} shows each one failing on a class that breaks it. A package that
 * does not exist yet (replay, demo, importer, encode) is not named: a new top-level package fails the
 * layered rule until it is given its place here.
 */
@AnalyzeClasses(packages = "dev.upgradescope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "dev.upgradescope";

    /**
     * What the window may use of {@code dissect}: what dissectors emit (the typed units), their
     * findings, the wire constants (public top-level enums such as opcodes, frame types, close and
     * error codes, the upgrade outcome) and the types nested in those. Dissectors, parsers, readers
     * and their state are reached through {@code capture} only.
     */
    static final DescribedPredicate<JavaClass> DISSECT_PUBLIC_FACE = describe(
            "what dissectors emit (units, findings, wire constants)", ArchitectureTest::isPublicFace);

    private static boolean isPublicFace(JavaClass c) {
        if (c.isAssignableTo(Unit.class) || c.isAssignableTo(FindingKind.class)) {
            return true;
        }
        if (c.isEnum() && c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC)) {
            return true;
        }
        return c.getEnclosingClass().map(ArchitectureTest::isPublicFace).orElse(false);
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("wire").definedBy(ROOT + ".wire..")
            .layer("dissect").definedBy(ROOT + ".dissect..")
            .layer("capture").definedBy(ROOT + ".capture..")
            .layer("export").definedBy(ROOT + ".export..")
            .layer("proxy").definedBy(ROOT + ".proxy..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("cli").definedBy(ROOT + ".cli..")
            .layer("entry point").definedBy(resideInAPackage(ROOT).as("the root package"))
            .whereLayer("entry point").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("entry point")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("entry point")
            .whereLayer("proxy").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("capture").mayOnlyBeAccessedByLayers("export", "proxy", "ui", "cli")
            .whereLayer("dissect").mayOnlyBeAccessedByLayers("capture", "export", "proxy", "ui", "cli")
            .whereLayer("wire").mayOnlyBeAccessedByLayers("dissect", "capture", "export", "proxy", "ui", "cli");

    @ArchTest
    static final ArchRule wireIsJdkOnly = noClasses().that().resideInAPackage(ROOT + ".wire..")
            .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".wire..", "java..");

    @ArchTest
    static final ArchRule windowSeesOnlyWhatDissectorsEmit = noClasses().that().resideInAPackage(ROOT + ".ui..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".dissect..").and(DescribedPredicate.not(DISSECT_PUBLIC_FACE)))
            .because("a dissector runs behind capture; the window reads its units and findings");

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses()
            .that().resideInAPackage(ROOT + ".ui..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..")
            .because("a ViewModel exposes properties and is tested without a scene");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingBelowTheWindowUsesJavaFx = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".ui..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..");

    @ArchTest
    static final ArchRule onlyTheProxyUsesNetty = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".proxy..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    /** RichTextFX draws the raw bytes; the handshake editor joins this line when it exists. */
    @ArchTest
    static final ArchRule richTextOnlyInTheRawView = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".ui.raw..")
            .should().dependOnClassesThat().resideInAPackage("org.fxmisc..");
}
