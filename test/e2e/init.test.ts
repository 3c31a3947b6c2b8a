import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../src/app/paths.js';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

// A module author's repository: a package.json, and nothing of mesos-matrix's yet.
const repo = temporaryDir('init-repo');
writeFileSync(path.join(repo, 'package.json'), '{ "name": "my-mesos-module", "private": true }\n');
const projectCache = path.join(repo, 'node_modules', '.cache', 'mesos-matrix');
// No inherited MESOS_MATRIX_CACHE: the cache must be found from the project.
const env = { MESOS_MATRIX_CACHE: '' };

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('mesos-matrix init, then matrix --root', () => {
  it('lays out versions/ for the chosen releases, and matrix --root . passes on it, cached in the project', async () => {
    const init = await runCli(['init', '--releases', '0.24.1,0.25.0'], env, repo);
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/^wrote 22 files into \. for 2 releases \(0\.24\.1 0\.25\.0\):\n {2}versions\/releases\/0\.24\.1\.json\n/);
    expect(init.stdout).toContain('Next: mesos-matrix matrix --root .');
    expect(readdirSync(path.join(repo, 'versions', 'releases'))).toEqual(['0.24.1.json', '0.25.0.json']);
    expect(JSON.parse(readFileSync(path.join(repo, 'versions', 'sets.json'), 'utf8')).sets).toEqual({ default: ['0.24.1', '0.25.0'] });
    // Kinds the two releases lack (ContainerLogger came in 0.27.0) have no interface file; the others only these releases.
    expect(existsSync(path.join(repo, 'versions', 'interfaces', 'ContainerLogger.json'))).toBe(false);
    const isolator = JSON.parse(readFileSync(path.join(repo, 'versions', 'interfaces', 'Isolator.json'), 'utf8'));
    expect(isolator.interfaces.flatMap((face: { releases: string[] }) => face.releases).sort()).toEqual(['0.24.1', '0.25.0']);
    const expected = JSON.parse(readFileSync(path.join(repo, 'versions', 'expected', 'matrix.json'), 'utf8'));
    expect(expected.hosts).toEqual(['0.24.1', '0.25.0']);
    expect(expected.rows['Isolator/0.24.1']).toEqual(['loaded', 'below-minimum']);

    const matrix = await runCli(['matrix', '--root', '.'], env, repo);
    expect(matrix.exitCode).toBe(0);
    expect(matrix.stdout).toContain('Mesos module matrix — releases default (0.24.1 0.25.0): 20 fixtures × 2 hosts');
    expect(matrix.stdout).toContain('40 cells: 20 load, 20 refused — all as expected (table prediction, versions/expected/matrix.json); documented rows 6/6');
    // One library per release, and one for each of the documented rows' three fixtures.
    expect(readdirSync(path.join(projectCache, 'fixtures'))).toHaveLength(5);
  });

  it('refuses to overwrite, listing what exists, unless --force', async () => {
    const sets = path.join(repo, 'versions', 'sets.json');
    writeFileSync(sets, '{ "sets": { "default": ["0.24.1"] } }\n');
    const refused = await runCli(['init', '--releases', '0.24.1,0.25.0'], env, repo);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('mesos-matrix: usage error: .: init would overwrite 22 files that exist (nothing was written):\n  versions/releases/0.24.1.json\n');
    expect(refused.stderr).toContain('  versions/sets.json\n');
    expect(refused.stderr).toContain('pass --force to overwrite them');
    expect(readFileSync(sets, 'utf8')).toBe('{ "sets": { "default": ["0.24.1"] } }\n');

    const forced = await runCli(['init', '--releases', '0.24.1,0.25.0', '--force'], env, repo);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain('for 2 releases (0.24.1 0.25.0), 22 of them overwritten:');
    expect(JSON.parse(readFileSync(sets, 'utf8')).sets.default).toEqual(['0.24.1', '0.25.0']);
  });

  it("builds the fixtures from the project's own templates/ when it has them", async () => {
    const templates = path.join(repo, 'templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    const fixture = path.join(templates, 'fixture.cpp.hbs');
    writeFileSync(fixture, `// built from my-mesos-module's templates\n${readFileSync(fixture, 'utf8')}`);
    const run = await runCli(['matrix', '--root', repo, '--only', 'Isolator/0.24.1@0.25.0', '--format', 'json'], env);
    expect(run.exitCode).toBe(0);
    const [library] = JSON.parse(run.stdout).fixtures.map((record: { library: string }) => record.library);
    // Results name the library by fixture, not by its path in this machine's cache; the source is in the project's cache.
    expect(library).toBe('fixtures/libIsolator-0.24.1.so');
    const sources = readdirSync(path.join(projectCache, 'fixtures')).map((entry) => path.join(projectCache, 'fixtures', entry, 'fixture.cpp'));
    expect(sources.filter(existsSync).some((source) => readFileSync(source, 'utf8').startsWith("// built from my-mesos-module's templates\n"))).toBe(true);

    rmSync(path.join(templates, 'interface.hpp.hbs'));
    const missing = await runCli(['matrix', '--root', repo, '--only', 'Isolator/0.24.1@0.25.0'], env);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain(`${path.join(templates, 'interface.hpp.hbs')}: cannot read`);
    expect(missing.stderr).toContain("copy interface.hpp.hbs from the package's templates/ into it");
    rmSync(templates, { recursive: true });
  });

  it("names a project's own template that does not fit what this version renders, as a configuration error", async () => {
    const templates = path.join(repo, 'templates');
    cpSync(TEMPLATES_DIR, templates, { recursive: true });
    try {
      // A fixture template of an older version, whose view held one fixture's fields at the top.
      writeFileSync(path.join(templates, 'fixture.cpp.hbs'), '// {{origin}}\n// A {{kind}} module\n');
      const run = await runCli(['matrix', '--root', repo, '--only', 'Isolator/0.24.1@0.25.0'], env);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('mesos-matrix: configuration error: templates/fixture.cpp.hbs does not render: "kind" not defined - 2:7\n');
      expect(run.stderr).toContain("→ make it render what this version of mesos-module-matrix gives it (compare it with the package's own templates/fixture.cpp.hbs), or remove it to use the package's");
      writeFileSync(path.join(templates, 'shim.ts.hbs'), '{{#if x}\n');
      const generate = await runCli(['generate', '--root', repo, '--lang', 'ts', '--out', path.join(repo, 'gen')], env);
      expect(generate.exitCode).toBe(2);
      expect(generate.stderr).toMatch(/^mesos-matrix: configuration error: templates\/shim\.ts\.hbs does not render: Parse error on line 1:\n {4}\{\{#if x\}\n {4}-+\^\n/);
    } finally {
      rmSync(templates, { recursive: true });
    }
  });

  it('takes --table over <root>/versions', async () => {
    const run = await runCli(['list', '--root', repo, '--table', path.join(repo, 'no-such-table')], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('no-such-table/');
    const list = await runCli(['list', '--root', repo, '--format', 'json'], env);
    expect(JSON.parse(list.stdout).releases).toEqual(['0.24.1', '0.25.0']);
  });
});
