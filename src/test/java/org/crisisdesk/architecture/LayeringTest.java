package org.crisisdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package cycles; logic never depends on the UI; only the store layer touches JDBC; only the X adapter knows
 * twitter4j.
 */
@AnalyzeClasses(packages = {"org.crisisdesk", "db.migration"}, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule logicHasNoJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.crisisdesk.desk..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("logic packages must run headless (collect, CLI, tests) and stay testable without a window");

    @ArchTest
    static final ArchRule logicDoesNotReachIntoTheDesk = noClasses()
            .that().resideOutsideOfPackages("org.crisisdesk.desk..", "org.crisisdesk.launch..")
            .should().dependOnClassesThat().resideInAPackage("org.crisisdesk.desk..")
            .because("only the launcher (the jar's main class) knows both the command line and the desk");

    /** Every package on its own: no two packages (a package and its subpackages included) use each other. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule deskKitUsesNoOtherDeskPackage = noClasses()
            .that().resideInAPackage("org.crisisdesk.desk.kit..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.crisisdesk.desk..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.crisisdesk.desk.kit.."))))
            .because("the desk's shared parts are used by every feature package and the desk's root");

    /** A *Store class, or a class nested in one (its row records). */
    private static final DescribedPredicate<JavaClass> STORE = new DescribedPredicate<>("a *Store class or nested in one") {
        @Override
        public boolean test(JavaClass c) {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (k.getSimpleName().endsWith("Store")) {
                    return true;
                }
            }
            return false;
        }
    };

    @ArchTest
    static final ArchRule onlyStoresUseJdbc = noClasses()
            .that().resideOutsideOfPackages("org.crisisdesk.store..", "db.migration..")
            .and(DescribedPredicate.not(STORE))
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("SQL lives in *Store classes, so a PostgreSQL port touches one layer");

    @ArchTest
    static final ArchRule onlyTheXAdapterKnowsTwitter4j = noClasses()
            .that().resideOutsideOfPackage("org.crisisdesk.source.twitter..")
            .should().dependOnClassesThat().resideInAnyPackage("twitter4j..", "jp.takke..");

    @ArchTest
    static final ArchRule viewsDoNotUseJdbc = noClasses()
            .that().resideInAPackage("org.crisisdesk.desk..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    @ArchTest
    static final ArchRule noThreadIsInterruptedInsideTheDatabase = noClasses()
            .should().callMethod(java.util.concurrent.ExecutorService.class, "shutdownNow")
            .orShould().callMethod(java.util.concurrent.ScheduledExecutorService.class, "shutdownNow")
            .orShould().callMethod(java.util.concurrent.ScheduledThreadPoolExecutor.class, "shutdownNow")
            .orShould().callMethod(java.util.concurrent.ThreadPoolExecutor.class, "shutdownNow")
            .because("an interrupt inside H2's file I/O closes the database file for every user of it");
}
