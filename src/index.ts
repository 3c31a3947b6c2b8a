/**
 * mesos-module-matrix as a library: the functions the `mesos-matrix` CLI calls, for a module
 * author's script, a CI job or a test. Nothing here prints or exits: results are data, and
 * only usage, configuration and toolchain faults are thrown (as {@link UsageError},
 * {@link ConfigError}, {@link ToolchainError}).
 *
 * @example
 * ```ts
 * import { runMatrix, matrixExitCode, renderMatrixJson } from 'mesos-module-matrix';
 * const run = await runMatrix({ ...defaultMatrixOptions(), releases: '0.24.1,0.25.0' });
 * process.stdout.write(renderMatrixJson(run));
 * ```
 *
 * @packageDocumentation
 */

// Orchestrators: read the table, compile, probe, compare.
export { runMatrix, type MatrixOptions } from './app/runMatrix.js';
export { checkModules, type CheckOptions } from './app/checkModules.js';
export { inspectLibraries, type InspectOptions } from './app/inspectLibraries.js';
export { generateShims, type GenerateOptions } from './app/generateShims.js';
export { diffInterfaces, type DiffOptions } from './app/diffInterfaces.js';
export { listMatrix, type ListOptions } from './app/listMatrix.js';
export { gate, type GateOptions } from './app/gate.js';
export type { GateResult, GitBase } from './core/gateResult.js';
export { planShards, type PlanShardsOptions } from './app/planShards.js';
export { mergeShards, type MergeOptions } from './app/mergeShards.js';
export { readTable } from './app/readTable.js';
export { initProject, type InitOptions } from './app/initProject.js';
export { defaultMatrixOptions } from './app/defaults.js';
export { projectPaths, defaultCacheDir, type ProjectPaths } from './app/paths.js';

// Results and how they turn into exit codes.
export { matrixExitCode, type MatrixRun, type FixtureRecord, type Phase } from './core/matrixRun.js';
export { checkExitCode, type CheckRun, type CheckVerdict } from './core/checkRun.js';
export { inspectExitCode, type InspectRun, type LibraryInspection, type InspectedModule, type InspectVerdict, type StaticFacts, type StaticRead, type NeededLibrary, type OpenResult, type OpenStage } from './core/inspectRun.js';
export type { MatrixResult, MatrixCell, ScenarioCell } from './core/evaluateMatrix.js';
export type { MatrixPlan } from './core/planMatrix.js';
export type { Shard, ShardPlan } from './core/shardPlan.js';
export type { ShardStamp, ShardRequest } from './core/shardStamp.js';
export type { Finding, FindingCode } from './core/finding.js';
export type { Stage, Verdict, VerifyStage, LibraryStage } from './core/stage.js';
export type { LeftProcess, LibraryOutcome } from './core/libraryOutcome.js';
export type { Manifest } from './core/manifest.js';
export type { Release, VersionTable } from './core/versionTable.js';
export type { Host, LoaderRules } from './core/host.js';
export type { KindInterface, CppMethod, CppParam, InterfaceTable } from './core/kindInterface.js';
export type { KindDiff, InterfaceChange } from './core/diffInterfaces.js';
export { gateTable } from './core/gateTable.js';
export { GATE_FINDING_CODES, GATE_SEVERITY, type GateFinding, type GateFindingCode, type GateSeverity, type StaleCell } from './core/gateFinding.js';
export { INTERFACE_RULES, INTERFACE_RULE_CODES, type InterfaceRule, type InterfaceRuleCode } from './core/breakingRules.js';
export { interfaceBreaks, breakingChanges, type InterfaceBreak } from './core/interfaceBreaks.js';
export type { SelectionOptions } from './core/selectMatrix.js';

// Mesos's own rules, pure: stout's version parsing (both eras) and the module manager's checks.
export { parseVersion, versionEquals, versionLess, formatVersion, type StoutVersion, type VersionGrammar, type VersionParse } from './core/stoutVersion.js';
export { grammarOf } from './core/host.js';
export { verifyModule } from './core/verifyModule.js';

// A module library's ELF as the dynamic linker sees it, read without running it.
export { readElf, type ElfFile, type ElfProblem, type ElfSymbol } from './elf/readElf.js';
export { manifestCandidates } from './elf/moduleCandidates.js';

// Renderers return strings.
export { renderMatrixTable, type TableOptions } from './report/renderMatrixTable.js';
export { renderMatrixJson } from './report/renderMatrixJson.js';
export { MATRIX_RENDERERS } from './report/matrixFormats.js';
export { CHECK_RENDERERS } from './report/renderCheck.js';
export { INSPECT_RENDERERS } from './report/renderInspect.js';
export { DIFF_RENDERERS, type DiffReport } from './report/renderDiff.js';
export { LIST_RENDERERS } from './report/renderList.js';
export { PLAN_RENDERERS } from './report/renderShardPlan.js';
export { renderGenerate, generateExitCode, type GenerateTarget } from './report/renderGenerate.js';
export { renderInit, type InitSummary } from './report/renderInit.js';
export { GATE_RENDERERS, type GateReportOptions } from './report/gateFormats.js';
export { gateExitCode } from './report/renderGateSummary.js';

// The faults a caller may catch.
export { UsageError, ConfigError, ToolchainError, isExpectedError, type ExpectedError } from './core/errors.js';
