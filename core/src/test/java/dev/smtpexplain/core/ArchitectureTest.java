package dev.smtpexplain.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.smtpexplain.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkOnly = classes().that().resideInAPackage("dev.smtpexplain.core..")
            // JSpecify's nullness annotations are compile-time only (`requires static`): nothing needs them at run time
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.smtpexplain.core..", "java..", "org.jspecify.annotations..");
}
