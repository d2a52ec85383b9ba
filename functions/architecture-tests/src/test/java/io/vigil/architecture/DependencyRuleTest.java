package io.vigil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vigil.domain.check.EvidenceCheck;
import io.vigil.domain.check.SnapshotLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of ports and adapters, checked on the compiled classes of every module:
 * handlers -> adapters/checks -> domain, and the domain depends on the JDK only.
 */
class DependencyRuleTest {

  private static JavaClasses vigil;

  @BeforeAll
  static void importClasses() {
    vigil = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.vigil");
  }

  @Test
  @DisplayName("the domain imports nothing from AWS, the Lambda runtime or Micronaut")
  void domainHasNoTechnologyImports() {
    noClasses().that().resideInAPackage("io.vigil.domain..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..", "jakarta..")
        .check(vigil);
  }

  @Test
  @DisplayName("the domain depends only on itself and java..")
  void domainDependsOnTheJdkOnly() {
    classes().that().resideInAPackage("io.vigil.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.vigil.domain..", "java..")
        .check(vigil);
  }

  @Test
  @DisplayName("the domain was imported (guards against the rules above passing on nothing)")
  void domainClassesArePresent() {
    classes().that().resideInAPackage("io.vigil.domain.collection..")
        .should().haveSimpleNameNotEndingWith("Adapter")
        .allowEmptyShould(false)
        .check(vigil);
  }

  @Test
  @DisplayName("checks never use adapters or functions")
  void checksAreIndependentOfAdaptersAndFunctions() {
    noClasses().that().resideInAPackage("io.vigil.checks..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vigil.adapters..", "io.vigil.functions..")
        .check(vigil);
  }

  @Test
  @DisplayName("adapters never use checks or functions")
  void adaptersAreIndependentOfChecksAndFunctions() {
    noClasses().that().resideInAPackage("io.vigil.adapters..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vigil.checks..", "io.vigil.functions..")
        .check(vigil);
  }

  @Test
  @DisplayName("Lambda handlers talk to ports, not to concrete adapters")
  void handlersUsePorts() {
    noClasses().that().haveSimpleNameEndingWith("Handler").and().resideInAPackage("io.vigil.functions..")
        .should().dependOnClassesThat().resideInAPackage("io.vigil.adapters..")
        .check(vigil);
  }

  @Test
  @DisplayName("every check is a *Check class in io.vigil.checks.<service>")
  void checksLiveInTheCatalogue() {
    classes().that().implement(EvidenceCheck.class)
        .and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .should().haveSimpleNameEndingWith("Check")
        .andShould().resideInAPackage("io.vigil.checks.*")
        .allowEmptyShould(false)
        .check(vigil);
    classes().that().implement(SnapshotLoader.class)
        .and().doNotHaveModifier(JavaModifier.ABSTRACT)
        .should().haveSimpleNameEndingWith("SnapshotLoader")
        .andShould().resideInAPackage("io.vigil.checks.*")
        .allowEmptyShould(false)
        .check(vigil);
  }
}
