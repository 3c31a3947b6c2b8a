import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtureRequests, libraryRequests } from '../../src/app/fixtureRequests.js';
import { DEFAULT_TABLE_DIR, TEMPLATES_DIR } from '../../src/app/paths.js';
import { planRun } from '../../src/app/planRun.js';
import { compilerArgs } from '../../src/compile/compilerArgs.js';
import { fixtureLibraries } from '../../src/core/fixtureLibraries.js';

/** Two folders holding the same rendered fixture sources as the tool's run of a selection, each with a Makefile. */
export interface MakeBaselines {
  /** One source and one rule per fixture, as the tool compiles them. */
  readonly perFixture: string;
  /** The libraries the tool builds (a release's fixtures in one translation unit), one rule per library. */
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
  const libraries = await libraryRequests(fixtureLibraries(plan.fixtures), TEMPLATES_DIR);
  const units = await Promise.all(libraries.map(async (request, index): Promise<[string, string]> => [`l${index}`, await request.render()]));
  const perFixture = path.join(dir, 'per-fixture');
  const perRelease = path.join(dir, 'per-release');
  await writeUnits(perFixture, sources.map((source, index) => [`f${index}`, source]), compiler);
  await writeUnits(perRelease, units, compiler);
  return { perFixture, perRelease, fixtures: sources.length, units: units.length };
}

async function writeUnits(dir: string, units: ReadonlyArray<readonly [string, string]>, compiler: readonly string[]): Promise<void> {
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await Promise.all(units.map(([name, source]) => writeFile(path.join(dir, 'src', `${name}.cpp`), source)));
  const recipe = [...compiler, ...compilerArgs('$<', '$@')].join(' ');
  const makefile = ['SOURCES := $(wildcard src/*.cpp)', 'all: $(SOURCES:src/%.cpp=out/%.so)', 'out/%.so: src/%.cpp | out', `\t${recipe}`, 'out:', '\tmkdir -p out', ''];
  await writeFile(path.join(dir, 'Makefile'), makefile.join('\n'));
}
