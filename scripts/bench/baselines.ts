import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtureRequests } from '../../src/app/fixtureRequests.js';
import { DEFAULT_TABLE_DIR, TEMPLATES_DIR } from '../../src/app/paths.js';
import { planRun } from '../../src/app/planRun.js';
import { compilerArgs } from '../../src/compile/compilerArgs.js';
import type { FixtureSpec } from '../../src/core/fixtureSpec.js';

/** Two folders holding the same rendered fixture sources as the tool's run of a selection, each with a Makefile. */
export interface MakeBaselines {
  /** One source and one rule per fixture, as the tool compiles them. */
  readonly perFixture: string;
  /** The fixtures of one release in one translation unit (each in a namespace of its own), one rule per unit. */
  readonly perRelease: string;
  readonly fixtures: number;
  readonly units: number;
}

/**
 * Renders the selection's fixtures through the library (the same plan, templates and renderer as
 * `matrix`) and writes Makefiles whose recipe is the tool's own compiler command line
 * (`compilerArgs`, hence FIXTURE_FLAGS), so that `make -j<jobs>` does exactly the compiling the
 * tool does, and nothing else (no cache, no loading, no checks).
 */
export async function writeMakeBaselines(releases: string, dir: string, compiler: readonly string[]): Promise<MakeBaselines> {
  const { plan } = await planRun({ tableDir: DEFAULT_TABLE_DIR, cacheDir: path.join(dir, 'cache'), releases, kinds: undefined, only: undefined, whatIf: [] });
  const requests = await fixtureRequests(plan.fixtures, TEMPLATES_DIR);
  const sources = await Promise.all(requests.map((request) => request.render()));
  const perFixture = path.join(dir, 'per-fixture');
  const perRelease = path.join(dir, 'per-release');
  await writeUnits(perFixture, sources.map((source, index) => [`f${index}`, source]), compiler);
  const units = releaseUnits(plan.fixtures, sources);
  await writeUnits(perRelease, units, compiler);
  return { perFixture, perRelease, fixtures: sources.length, units: units.length };
}

/**
 * The fixtures of each release concatenated. The stand-ins and module headers of two kinds
 * share names, so each fixture goes into `namespace fixture_<n>` (its include guards renamed to
 * match, and its one globally qualified name made relative). A release's fixtures that export the
 * same module name (a scenario's beside the standard one) go into a further unit of that release.
 */
function releaseUnits(specs: readonly FixtureSpec[], sources: readonly string[]): Array<[string, string]> {
  const units: Array<{ release: string; names: Set<string>; parts: string[] }> = [];
  specs.forEach((spec, index) => {
    const unit = units.find((candidate) => candidate.release === spec.builtFor && !candidate.names.has(spec.moduleName)) ?? { release: spec.builtFor, names: new Set<string>(), parts: [] };
    if (!units.includes(unit)) units.push(unit);
    unit.names.add(spec.moduleName);
    const source = (sources[index] ?? '').replace(/\b(MESOS_MODULE_MATRIX_\w+_HPP)\b/g, `$1_F${index}`).replaceAll('::mesos_module_matrix::', 'mesos_module_matrix::');
    unit.parts.push(`namespace fixture_${index} {\n${source}\n} // namespace fixture_${index}\n`);
  });
  return units.map((unit, index) => [`r${index}-${unit.release}`, unit.parts.join('\n')]);
}

async function writeUnits(dir: string, units: ReadonlyArray<readonly [string, string]>, compiler: readonly string[]): Promise<void> {
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await Promise.all(units.map(([name, source]) => writeFile(path.join(dir, 'src', `${name}.cpp`), source)));
  const recipe = [...compiler, ...compilerArgs('$<', '$@')].join(' ');
  const makefile = ['SOURCES := $(wildcard src/*.cpp)', 'all: $(SOURCES:src/%.cpp=out/%.so)', 'out/%.so: src/%.cpp | out', `\t${recipe}`, 'out:', '\tmkdir -p out', ''];
  await writeFile(path.join(dir, 'Makefile'), makefile.join('\n'));
}
