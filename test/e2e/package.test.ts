import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { npmEnvironment, writeConsumerProject } from '../helpers/consumerProject.js';
import { temporaryDir } from '../helpers/temporaryDir.js';

/** The releases whose shims a consumer type-checks against; one list, to grow with the generated shims. */
const RELEASES = ['0.23.1', '0.26.0', '1.4.2', '1.11.0'] as const;

const NPM = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;
const TSC = path.join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** What a consumer writes: the API and the shims by package name, checked by tsc as a nodenext, strict project. */
const consumerTs = [
  "import type { KindInterface } from 'mesos-module-matrix/shims';",
  "import { defaultMatrixOptions, parseVersion, runMatrix, type MatrixRun, type VersionParse } from 'mesos-module-matrix';",
  '',
  ...RELEASES.flatMap((release) => {
    const name = release.replaceAll('.', '_');
    return [
      `export const isolatorCleanup_${name}: keyof KindInterface<'${release}', 'Isolator'> = 'cleanup';`,
      '// @ts-expect-error a kind Mesos never had: the shims are types, not any',
      `export type Unknown_${name} = KindInterface<'${release}', 'NoSuchKind'>;`,
    ];
  }),
  '// @ts-expect-error a release the shims do not declare',
  "export type NoRelease = KindInterface<'0.0.0', 'Isolator'>;",
  "export const parsed: VersionParse = parseVersion('0.26.0', { parser: 'legacy', hexComponents: false });",
  '// @ts-expect-error the grammar is an object',
  "parseVersion('0.26.0', 'legacy');",
  "export const run = (): Promise<MatrixRun> => runMatrix({ ...defaultMatrixOptions(), releases: '0.24.1,0.25.0' });",
  '',
].join('\n');

const tsconfig = {
  compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
  files: ['consumer.ts'],
};

// At run time, through Node's own resolution of the package's exports.
const consumerMjs = `import { parseVersion, runMatrix } from 'mesos-module-matrix';
import { DESCRIPTORS } from 'mesos-module-matrix/shims';
console.log(JSON.stringify({
  legacy: parseVersion('0.26.0-rc1', { parser: 'legacy', hexComponents: false }),
  semver: parseVersion('1.2.1-rc1', { parser: 'semver', hexComponents: true }),
  runMatrix: typeof runMatrix,
  releases: Object.keys(DESCRIPTORS),
}));
`;

// Packing and installing take a while, and the matrix then compiles its fixtures cold.
describe.skipIf(!NPM)(`the packed package, installed into an empty project${NPM ? '' : ' (skipped: npm is not on PATH)'}`, { timeout: 300_000 }, () => {
  let project = '';
  let packed: string[] = [];
  const inProject = (file: string, args: readonly string[], env: Record<string, string> = {}) =>
    execa(file, args, { cwd: project, env: { ...npmEnvironment(), ...env }, extendEnv: false, reject: false });

  beforeAll(async () => {
    if (!existsSync(path.join(PACKAGE_ROOT, 'dist', 'index.js'))) throw new Error('dist/ is not built: run `npm run build` (npm test does) before this test');
    const out = temporaryDir('pack');
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files run the CLI from it; npm test built it just before.
    const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: PACKAGE_ROOT, env: npmEnvironment(), extendEnv: false });
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: Array<{ path: string }> }];
    packed = files.map((file) => file.path);
    project = temporaryDir('consumer');
    writeConsumerProject(project, path.join(out, filename));
    const install = await inProject('npm', ['ci', '--offline', '--no-audit', '--no-fund']);
    expect(install.stderr, 'npm ci --offline in the consumer project').not.toMatch(/ERR!|npm error/);
    expect(install.exitCode).toBe(0);
  }, 300_000);

  it('ships the built CLI, the API and the shims with their types, the data they read, and nothing of the development tree', () => {
    for (const file of ['bin/mesos-matrix.js', 'dist/cli/bin.js', 'dist/index.js', 'dist/index.d.ts', 'dist/shims/index.js', 'dist/shims/index.d.ts', 'LICENSE', 'README.md', 'schemas/modules-config.schema.json', 'templates/fixture.cpp.hbs', 'versions/sets.json']) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((file) => /\.test\.|^(src|test|scripts)\/|^\.|tsconfig|\.mesos-matrix/.test(file))).toEqual([]);
    // The build writes one precompiled validator per schema set: the table's and the --modules configuration's.
    expect(packed.filter((file) => file.startsWith('dist/validators/'))).toHaveLength(2);
  });

  it('runs `mesos-matrix matrix` from the installed bin, exit 0, with the precompiled validators', async () => {
    const cache = temporaryDir('consumer-cache');
    const run = await inProject('npx', ['--no', 'mesos-matrix', 'matrix'], { MESOS_MATRIX_CACHE: cache, NO_COLOR: '1' });
    expect(run.stderr).not.toContain('not built');
    expect(run.stdout).toMatch(/all as expected/);
    expect(run.exitCode).toBe(0);
    // Had dist/validators been missing, the first run would have compiled the schemas into the cache.
    expect(readdirSync(cache)).not.toContain('validators');
  });

  it(`type-checks a consumer of the API and of the shims for ${RELEASES.join(', ')} with tsc (nodenext, strict, no @types/node)`, async () => {
    writeFileSync(path.join(project, 'consumer.ts'), consumerTs);
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const check = await inProject(process.execPath, [TSC, '-p', 'tsconfig.json']);
    expect(check.stdout).toBe('');
    expect(check.exitCode).toBe(0);
  });

  it('imports the API and the shims at run time in Node', async () => {
    writeFileSync(path.join(project, 'consumer.mjs'), consumerMjs);
    const run = await inProject(process.execPath, ['consumer.mjs']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { legacy: unknown; semver: unknown; runMatrix: string; releases: string[] };
    // Up to 1.2.0 stout drops the label; from 1.2.1 it is a SemVer prerelease.
    expect(result.legacy).toEqual({ ok: true, version: { major: 0, minor: 26, patch: 0, prerelease: [], build: [] } });
    expect(result.semver).toEqual({ ok: true, version: { major: 1, minor: 2, patch: 1, prerelease: ['rc1'], build: [] } });
    expect(result.runMatrix).toBe('function');
    expect(result.releases).toEqual(expect.arrayContaining([...RELEASES]));
  });
});
