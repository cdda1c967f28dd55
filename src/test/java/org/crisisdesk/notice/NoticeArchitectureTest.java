package org.crisisdesk.notice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Notice logic stays free of the UI and of twitter4j; only its stores speak SQL. */
class NoticeArchitectureTest {
    final JavaClasses classes = importNoticeClasses();

    /** Only the compiled notice classes; referenced classes are known by name, which is all these rules need. */
    static JavaClasses importNoticeClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean before = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            java.net.URL dir = NoticeService.class.getResource("NoticeService.class");
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importUrl(new java.net.URL(dir, "."));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(before);
        }
    }

    @Test
    void noJavaFxNoTwitter4j() {
        noClasses().that().resideInAPackage("org.crisisdesk.notice..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "twitter4j..")
                .check(classes);
    }

    @Test
    void onlyStoresTouchSql() {
        noClasses().that().resideInAPackage("org.crisisdesk.notice..").and().haveSimpleNameNotEndingWith("Store")
                .and().haveNameNotMatching(".*Store\\$.*")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }
}
