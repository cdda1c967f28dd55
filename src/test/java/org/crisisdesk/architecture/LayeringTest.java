package org.crisisdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Logic never depends on the UI; only the store layer touches JDBC; only the X adapter knows twitter4j. */
@AnalyzeClasses(packages = "org.crisisdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule logicHasNoJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.crisisdesk.desk..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("logic packages must run headless (collect, CLI, tests) and stay testable without a window");

    @ArchTest
    static final ArchRule logicDoesNotReachIntoTheDesk = noClasses()
            .that().resideOutsideOfPackages("org.crisisdesk.desk..", "org.crisisdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("org.crisisdesk.desk..");

    @ArchTest
    static final ArchRule onlyStoresUseJdbc = noClasses()
            .that().resideOutsideOfPackage("org.crisisdesk.store..")
            .and().haveSimpleNameNotEndingWith("Store")
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
}
