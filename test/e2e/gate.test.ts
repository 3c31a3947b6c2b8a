import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { GateFinding } from '../../src/core/gateFinding.js';
import { runCli } from '../helpers/runCli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'mesos-matrix-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { MESOS_MATRIX_CACHE: path.join(scratch, 'cache') };
const GIT_ENV = { GIT_AUTHOR_NAME: 'gate test', GIT_AUTHOR_EMAIL: 'gate@test.invalid', GIT_COMMITTER_NAME: 'gate test', GIT_COMMITTER_EMAIL: 'gate@test.invalid' };

let repos = 0;
/** A git repository on `main` holding a copy of the project's versions/ and src/shims/, committed once. */
async function repository(): Promise<{ root: string; git: (...args: string[]) => Promise<void>; edit: (file: string, change: (text: string) => string) => void }> {
  const root = path.join(scratch, `repo-${++repos}`);
  cpSync(path.join(PACKAGE_ROOT, 'versions'), path.join(root, 'versions'), { recursive: true });
  cpSync(path.join(PACKAGE_ROOT, 'src', 'shims'), path.join(root, 'src', 'shims'), { recursive: true });
  const git = async (...args: string[]) => {
    await execa('git', args, { cwd: root, env: GIT_ENV });
  };
  await git('init', '--quiet', '-b', 'main');
  await git('add', '-A');
  await git('commit', '--quiet', '-m', 'the table');
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
  return { root, git, edit };
}

const setMinimum = (kind: string, minimum: string) => (text: string) => text.replace(new RegExp(`"${kind}": "[^"]+"`), `"${kind}": "${minimum}"`);
const gateJson = async (root: string, ...args: string[]) => {
  const run = await runCli(['gate', '--root', root, '--format', 'json', ...args], env);
  return { ...run, findings: run.exitCode < 2 ? (JSON.parse(run.stdout) as { findings: GateFinding[] }).findings : [] };
};
const codes = (findings: readonly GateFinding[]) => [...new Set(findings.map((finding) => finding.code))].sort();

describe('mesos-matrix gate', () => {
  it('passes an unchanged table, comparing with the last commit on main', async () => {
    const { root, git } = await repository();
    await git('commit', '--quiet', '--allow-empty', '-m', 'nothing');
    const run = await runCli(['gate', '--root', root], env);
    expect(run.stdout).toContain('against HEAD~1 (');
    expect(run.stdout).toContain('HEAD is on main: its last commit');
    expect(run.stdout).toContain('No change to the table.');
    expect(run.stdout).toMatch(/Checked 60 releases, 777 kind entries, 46,620 expected cells, 780 shim files: 0 changes, 0 notes, the gate passes\.$/);
    expect(run.exitCode).toBe(0);
  });

  it('fails a commit that lowers the Isolator at 0.26.0 to 0.24.1: namespaces() was removed in 0.25.0', async () => {
    const { root, git, edit } = await repository();
    edit('versions/releases/0.26.0.json', setMinimum('Isolator', '0.24.1'));
    await git('commit', '--quiet', '-am', 'relax the Isolator');
    const run = await gateJson(root);
    expect(run.exitCode).toBe(1);
    expect(run.findings.find((finding) => finding.code === 'minimum-lowered')).toMatchObject({ release: '0.26.0', kind: 'Isolator', from: '0.26.0', to: '0.24.1', file: 'versions/releases/0.26.0.json', pointer: '/kinds/Isolator' });
    const unsound = run.findings.filter((finding) => finding.code === 'unsound');
    expect(unsound).toHaveLength(1);
    expect(unsound[0]).toMatchObject({ severity: 'error', rule: 'method-removed', release: '0.26.0', kind: 'Isolator', from: '0.24.1', to: '0.25.0', builds: ['0.24.1', '0.24.2'], file: 'versions/releases/0.26.0.json', pointer: '/kinds/Isolator' });
    expect(unsound[0]?.changes).toEqual([{ rule: 'method-removed', subject: 'namespaces', build: 'virtual process::Future<Option<int>> namespaces()', host: null }]);
    // The 0.25.x builds have 0.26.0's interface: admitting them is sound.
    expect(unsound[0]?.builds).not.toContain('0.25.0');

    const text = await runCli(['gate', '--root', root], env);
    expect(text.stdout).toContain('✗ unsound       0.26.0 Isolator: minimum 0.24.1 admits builds for 0.24.1, 0.24.2, which an earlier interface change breaks — rule method-removed');
    expect(text.stdout).toContain("why it breaks a build: the build's vtable keeps the slot");
    expect(text.stdout).toContain('fix: raise the minimum to 0.25.0');

    // In a workflow, run from the repository root: the error sits on the Isolator line of 0.26.0.json.
    const github = await runCli(['gate', '--format', 'github'], env, root);
    expect(github.exitCode).toBe(1);
    const [, line, column] = /^::error file=versions\/releases\/0\.26\.0\.json,line=(\d+),col=(\d+),title=0\.26\.0 Isolator%3A unsound \(method-removed\)::.*fix: raise the minimum to 0\.25\.0/m.exec(github.stdout) ?? [];
    const isolator = readFileSync(path.join(root, 'versions/releases/0.26.0.json'), 'utf8').split('\n')[Number(line) - 1] ?? '';
    expect(isolator).toMatch(/^\s*"Isolator": "0\.24\.1"/);
    expect(isolator.slice(Number(column) - 1)).toMatch(/^"0\.24\.1"/);
  });

  it('passes a sound relaxation with the expected matrix updated, and notes it; without the update the matrix is stale', async () => {
    const { root, edit } = await repository();
    edit('versions/releases/0.26.0.json', setMinimum('QoSController', '0.23.1'));
    const stale = await gateJson(root);
    expect(stale.exitCode).toBe(1);
    expect(codes(stale.findings)).toEqual(['could-relax', 'minimum-lowered', 'stale-expected']);
    expect(stale.findings.find((finding) => finding.code === 'stale-expected' && finding.release === '0.23.1')).toMatchObject({
      kind: 'QoSController',
      file: 'versions/expected/matrix.json',
      pointer: '/rows/QoSController~10.23.1',
      cells: [{ host: '0.26.0', committed: 'below-minimum', predicted: 'loaded' }],
    });

    expect((await runCli(['gate', '--root', root], env)).stdout).toContain('fix: run npx mesos-matrix matrix --update --kinds QoSController --releases ">=0.23.1 <=0.26.0", and commit versions/expected/matrix.json');
    const update = await runCli(['matrix', '--table', path.join(root, 'versions'), '--kinds', 'QoSController', '--releases', '>=0.23.1 <=0.26.0', '--update'], env);
    expect(update.exitCode).toBe(0);
    const run = await runCli(['gate', '--root', root], env);
    expect(run.stdout).toContain('minimum lowered    0.26.0 QoSController  0.26.0 → 0.23.1 (relax)  versions/releases/0.26.0.json /kinds/QoSController');
    expect(run.stdout).toContain('could relax        0.26.0 QoSController: minimum 0.23.1 could be 0.23.0');
    expect(run.stdout).not.toContain('✗');
    expect(run.exitCode).toBe(0);
  });

  it('fails a release added without regenerating the shims', async () => {
    const { root, edit } = await repository();
    writeFileSync(path.join(root, 'versions/releases/1.12.0.json'), readFileSync(path.join(root, 'versions/releases/1.11.0.json'), 'utf8').replaceAll('"1.11.0"', '"1.12.0"'));
    for (const file of readdirSync(path.join(root, 'versions/interfaces'))) edit(`versions/interfaces/${file}`, (text) => text.replace(/"1\.11\.0"/, '"1.11.0", "1.12.0"'));
    edit('versions/sets.json', (text) => text.replace('"0.26.0"]', '"0.26.0", "1.12.0"]'));
    const run = await gateJson(root);
    expect(run.exitCode).toBe(1);
    expect(run.findings.find((finding) => finding.code === 'release-added')).toMatchObject({ release: '1.12.0', file: 'versions/releases/1.12.0.json' });
    expect(run.findings.filter((finding) => finding.code === 'stale-shim').map((finding) => `${finding.detail} ${finding.file}`)).toEqual(expect.arrayContaining(['missing src/shims/1.12.0/Isolator.ts', 'stale src/shims/index.ts']));
    expect(run.findings.find((finding) => finding.code === 'stale-expected' && finding.detail === 'host')).toMatchObject({ release: '1.12.0', pointer: '/hosts' });
    expect(run.findings.filter((finding) => finding.code === 'unsound' || finding.code === 'missing-bump')).toEqual([]);
  });

  it('exits 2 outside a git repository and on an unknown base', async () => {
    const plain = path.join(scratch, 'plain');
    cpSync(path.join(PACKAGE_ROOT, 'versions'), path.join(plain, 'versions'), { recursive: true });
    const outside = await runCli(['gate', '--root', plain], env);
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain(`configuration error: ${plain} is not in a git repository`);
    const { root } = await repository();
    const unknown = await runCli(['gate', '--root', root, '--base', 'no-such-branch'], env);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('usage error: --base no-such-branch: no such revision in this repository');
  });
});

describe('directional soundness in diff and --what-if', () => {
  it('diff 0.28.3 1.0.0 --kind Isolator: seven pure methods gained a default body, which breaks no 0.28.x build', async () => {
    const run = await runCli(['diff', '0.28.3', '1.0.0', '--kind', 'Isolator', '--format', 'json'], env);
    const [isolator] = JSON.parse(run.stdout).kinds;
    expect(isolator.changes).toHaveLength(7);
    expect(isolator.builds.breaking).toEqual([]);
    expect(isolator.builds.harmless.map((change: { rule: string }) => change.rule)).toEqual(Array(7).fill('became-optional'));
    expect(JSON.parse(run.stdout).safeMinimums).toEqual({ Isolator: '0.28.3' });
    const text = await runCli(['diff', '0.28.3', '1.0.0', '--kind', 'Isolator', '--releases', 'all'], env);
    expect(text.stdout).toContain('0.28.3 builds on a 1.0.0 host: nothing breaks');
    expect(text.stdout).toMatch(/Isolator {11}0\.28\.0$/);
  });

  it('--what-if Isolator=0.28.0 admits 0.28.x builds into 1.0.0 soundly; 1.0.0 builds stay refused by 0.28.3 as newer', async () => {
    const run = await runCli(['matrix', '--releases', '0.28.3,1.0.0', '--kinds', 'Isolator', '--what-if', 'Isolator=0.28.0', '--format', 'json'], env);
    expect(run.exitCode).toBe(0);
    const cells = JSON.parse(run.stdout).cells as Array<{ id: string; loadable: boolean; sound: boolean | null; stage: string }>;
    expect(cells.find((cell) => cell.id === 'Isolator/0.28.3@1.0.0')).toMatchObject({ loadable: true, sound: true });
    expect(cells.find((cell) => cell.id === 'Isolator/1.0.0@0.28.3')).toMatchObject({ loadable: false, sound: null, stage: 'newer' });
  });
});
