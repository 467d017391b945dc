package io.concbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes: data flows one way (cli
 * → engine → executor → workload → api; results → stats → report), the worker JVM's side loads only what a worker
 * needs, and no package cycle creeps back in. A rule broken here names the classes and the arrow.
 */
@AnalyzeClasses(packages = "io.concbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycleBetweenPackages = slices().matching("io.concbench.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noCycleBetweenTheProcessLayers = slices().matching("io.concbench.process.(*)..")
      .should().beFreeOfCycles();

  /** Its start-up is part of what users measure: no picocli, no Jackson, no reports, not the parent's side. */
  @ArchTest
  static final ArchRule theWorkerSideLoadsOnlyWhatAWorkerNeeds = noClasses()
      .that().resideInAnyPackage("io.concbench.process.worker..", "io.concbench.process.wire..")
      .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.fasterxml..", "org.jfree..",
          "org.HdrHistogram..", "org.apache.commons..", "io.concbench.cli..", "io.concbench.registry..",
          "io.concbench.engine..", "io.concbench.executor..", "io.concbench.result..", "io.concbench.stats..",
          "io.concbench.report..", "io.concbench.capacity..", "io.concbench.process.parent..");

  @ArchTest
  static final ArchRule theWireKnowsNothingOfEitherSide = noClasses()
      .that().resideInAPackage("io.concbench.process.wire..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.process.worker..",
          "io.concbench.process.parent..", "io.concbench.workload..");

  /** Statistics are pure functions of data; reports draw results. Neither reaches back into what measured. */
  @ArchTest
  static final ArchRule statisticsAndReportsTakePlainData = noClasses()
      .that().resideInAnyPackage("io.concbench.stats..", "io.concbench.report..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.engine..", "io.concbench.executor..",
          "io.concbench.process..", "io.concbench.registry..", "io.concbench.cli..", "io.concbench.workload..");

  /**
   * advise's rules, search and advice are pure functions of figures (the command line measures, they decide),
   * so that they are tested with made-up speedups and never see an executor or a run.
   */
  @ArchTest
  static final ArchRule adviceTakesPlainData = noClasses()
      .that().resideInAPackage("io.concbench.advise..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.engine..", "io.concbench.executor..",
          "io.concbench.process..", "io.concbench.registry..", "io.concbench.cli..", "io.concbench.workload..",
          "io.concbench.report..", "io.concbench.capacity..", "io.concbench.system..");

  /** Warnings are rules over an assembled result: plain data too (the guard's enum is a fact about the result). */
  @ArchTest
  static final ArchRule warningsTakePlainData = noClasses()
      .that().resideInAPackage("io.concbench.warning..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.engine..", "io.concbench.process..",
          "io.concbench.registry..", "io.concbench.cli..", "io.concbench.report..", "io.concbench.workload..");

  /** Executors run tasks; which executors exist is the registry's business, how to measure them the engine's. */
  @ArchTest
  static final ArchRule executorsKnowOnlyTheWorkTheyRun = noClasses()
      .that().resideInAPackage("io.concbench.executor..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.process..", "io.concbench.engine..",
          "io.concbench.registry..", "io.concbench.cli..", "io.concbench.report..", "io.concbench.stats..");

  /** The engine is given its executors; it never picks them by name. */
  @ArchTest
  static final ArchRule theEngineIsGivenItsExecutors = noClasses()
      .that().resideInAPackage("io.concbench.engine..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.registry..", "io.concbench.process..",
          "io.concbench.cli..", "io.concbench.report..");

  @ArchTest
  static final ArchRule workloadsDependOnNoOtherPackage = noClasses()
      .that().resideInAPackage("io.concbench.workload..")
      .should().dependOnClassesThat().resideInAnyPackage("io.concbench.cli..", "io.concbench.engine..",
          "io.concbench.executor..", "io.concbench.process..", "io.concbench.registry..", "io.concbench.result..",
          "io.concbench.stats..", "io.concbench.report..", "io.concbench.capacity..", "io.concbench.system..");

  /**
   * The plug-in API is what users compile their code against: it must stand alone, on the JDK only, so
   * that nothing behind it can change a plug-in's view of it.
   */
  @ArchTest
  static final ArchRule thePluginApiStandsAlone = classes()
      .that().resideInAPackage("io.concbench.api..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.concbench.api..", "java..");

  /**
   * Plug-in loading finds workloads and nothing more: it knows the API and the built-in workloads (to refuse
   * their names), never what measures or runs them. Only the command line loads plug-ins; the worker JVM
   * finds its plug-ins on its class path and does not use this package. A plug-in jar's SHA-256 is computed
   * as concbench's jar's and a member's plug-ins' are, by the one digest package, which stands on the JDK alone.
   */
  @ArchTest
  static final ArchRule pluginLoadingKnowsOnlyWorkloads = classes()
      .that().resideInAPackage("io.concbench.plugin..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.concbench.plugin..", "io.concbench.api..",
          "io.concbench.workload..", "io.concbench.digest..", "java..");

  /** A file's SHA-256, for plug-in loading, results and the process executors alike: on the JDK only. */
  @ArchTest
  static final ArchRule theDigestStandsOnTheJdkAlone = classes()
      .that().resideInAPackage("io.concbench.digest..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.concbench.digest..", "java..");

  @ArchTest
  static final ArchRule onlyTheCommandLineLoadsPlugins = noClasses()
      .that().resideOutsideOfPackages("io.concbench.cli..", "io.concbench.plugin..")
      .should().dependOnClassesThat().resideInAPackage("io.concbench.plugin..");

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesTheRegistry = noClasses()
      .that().resideOutsideOfPackages("io.concbench.cli..", "io.concbench.registry..")
      .should().dependOnClassesThat().resideInAPackage("io.concbench.registry..");
}
