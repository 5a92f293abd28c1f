package dev.smtpexplain.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No module reaches into another module's {@code internal} packages. On the module path the module
 * descriptors forbid it; on the class path, where most applications run, only this test does. It
 * reads the main classes of every module the CLI depends on: core, i18n, the adapter, the dialog and
 * the CLI itself.
 */
class ModuleBoundariesTest {

    /** Each module's root package. */
    private static final List<String> MODULES = List.of("dev.smtpexplain.core", "dev.smtpexplain.i18n", "dev.smtpexplain.mail",
            "dev.smtpexplain.swing", "dev.smtpexplain.examples");

    @Test
    void noModuleUsesAnotherModulesInternalPackages() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.smtpexplain");
        for (String module : MODULES) {
            // the rule below would pass vacuously if a module's classes were not read
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(module))).as("classes of %s were read", module).isTrue();
            noClasses().that().resideOutsideOfPackage(module + "..")
                    .should().dependOnClassesThat().resideInAPackage(module + "..internal..")
                    .because("only " + module + " may use its internal packages; other modules use its API")
                    .check(classes);
        }
    }
}
