package dev.salerush.sim.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.salerush.seeder.process.SuiteProcesses;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.drills.DrillsOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout as rules: no package of any module depends, directly or through others, on a package that depends back
 * on it, a run reaches the drills through one entry point, and the suite never reaches into the system under test's
 * classes. The production classes of every module
 * are on this module's test classpath (data-seeder, demo-shop, environment and simulations), so one test covers all.
 */
class ArchitectureTest {
    private static JavaClasses salerush;

    @BeforeAll
    static void importProductionClasses() {
        salerush = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.salerush");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        // a rule over an empty or partial import would pass without checking anything
        assertThat(salerush.stream().map(type -> type.getPackageName().split("\\.")[2]).distinct())
                .contains("seeder", "shop", "env", "sim");
    }

    @Test
    void noPackageCycleInAnyModule() {
        slices().matching("dev.salerush.(**)").should().beFreeOfCycles().check(salerush);
    }

    @Test
    void aRunUsesTheDrillsOnlyThroughTheirEntryPoint() {
        noClasses().that().resideInAPackage("dev.salerush.sim.run..")
                .should().dependOnClassesThat(resideInAPackage("dev.salerush.sim.drills..")
                        .and(not(belongToAnyOf(Drills.class, DrillsOutcome.class, DrillResult.class))))
                .because("a drill is one slice: a run calls Drills, and reads only what its methods return"
                        + " (DrillsOutcome from finish, the DrillResult of each drill in it)")
                .check(salerush);
    }

    @Test
    void everyProcessTheSuiteStartsIsMarkedAsTheSuites() {
        noClasses().that().doNotBelongToAnyOf(SuiteProcesses.class)
                .should().callConstructor(ProcessBuilder.class, String[].class)
                .orShould().callConstructor(ProcessBuilder.class, List.class)
                .because("SuiteProcesses.builder marks the process, so .ci/suite-processes finds what a run left"
                        + " behind and never the machine's own services")
                .check(salerush);
    }

    @Test
    void theSuiteDoesNotUseTheDemoShopsClasses() {
        noClasses().that().resideInAPackage("dev.salerush.sim..")
                .should().dependOnClassesThat().resideInAPackage("dev.salerush.shop..")
                .because("the demo shop is a system under test like any other; the environment module launches it")
                .check(salerush);
    }

    @Test
    void theDemoShopKnowsNothingOfTheSuite() {
        noClasses().that().resideInAPackage("dev.salerush.shop..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.salerush.sim..", "dev.salerush.env..")
                .check(salerush);
    }

    @Test
    void theExampleTeamSimulationUsesOnlyTheExtensionApi() {
        // the example lives with the tests (beside the built-in SaleSimulation) so that `gatling:test` finds it
        JavaClasses example = new ClassFileImporter().importPackages("dev.salerush.example");
        assertThat(example).isNotEmpty();
        // the stand-in plays the team's service, not its simulation: it keeps its data in the project's embedded database
        noClasses().that().resideInAPackage("dev.salerush.example..")
                .and().haveNameNotMatching("dev\\.salerush\\.example\\.goods\\.Goods(StandIn|Store).*")
                .should().dependOnClassesThat(resideInAPackage("dev.salerush..")
                        .and(not(resideInAnyPackage("dev.salerush.example..", "dev.salerush.sim.gatling"))))
                .because("a team's simulation extends SalerushSimulation and needs nothing else of the suite")
                .check(example);
    }
}
