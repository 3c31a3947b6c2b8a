import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryDir } from '../helpers/compileFixtures.js';
import { runCli } from '../helpers/runCli.js';

const env = { MESOS_MATRIX_CACHE: temporaryDir('soundness-cache') };
afterAll(() => rmSync(env.MESOS_MATRIX_CACHE, { recursive: true, force: true }));

interface Cell {
  id: string;
  loadable: boolean;
  sound: boolean | null;
  differences: string[];
}

describe('--what-if and soundness', () => {
  it('reports the unsound admissions of older Isolator builds and exits 1', async () => {
    const run = await runCli(['matrix', '--what-if', 'Isolator=0.23.1', '--kinds', 'Isolator', '--format', 'json'], env);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.selection.whatIf).toEqual([{ kind: 'Isolator', minimum: '0.23.1' }]);
    const unsound = report.cells.filter((cell: Cell) => cell.sound === false).map((cell: Cell) => cell.id);
    // 0.23.1's wrapper + IsolatorProcess, and 0.24.1's namespaces(): both changed before 0.25.0.
    expect(unsound).toEqual(['Isolator/0.23.1@0.24.1', 'Isolator/0.23.1@0.25.0', 'Isolator/0.23.1@0.26.0', 'Isolator/0.24.1@0.25.0', 'Isolator/0.24.1@0.26.0']);
    const cell = (id: string) => report.cells.find((candidate: Cell) => candidate.id === id);
    expect(cell('Isolator/0.23.1@0.24.1').differences).toEqual(['structure', '~IsolatorProcess', 'recover', 'prepare', 'watch', '~Isolator']);
    expect(cell('Isolator/0.24.1@0.25.0').differences).toEqual(['namespaces']);
    expect(cell('Isolator/0.25.0@0.26.0')).toMatchObject({ loadable: true, sound: true, differences: [] });
    expect(cell('Isolator/0.26.0@0.25.0')).toMatchObject({ loadable: false, sound: null });
    expect(report.findings.filter((finding: { code: string }) => finding.code === 'unsound-admission')).toHaveLength(5);
    expect(report.findings).toHaveLength(5);
  });

  it('admits the Authenticator builds of 0.23.1 – 0.25.0 into later hosts soundly and exits 0', async () => {
    const run = await runCli(['matrix', '--what-if', 'Authenticator=0.23.1', '--format', 'json'], env);
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout);
    const admitted = report.cells.filter((cell: Cell & { builtFor: string; host: string }) => cell.loadable && cell.builtFor !== cell.host);
    expect(admitted.map((cell: Cell) => cell.id)).toEqual([
      'Authenticator/0.23.1@0.24.1',
      'Authenticator/0.23.1@0.25.0',
      'Authenticator/0.23.1@0.26.0',
      'Authenticator/0.24.1@0.25.0',
      'Authenticator/0.24.1@0.26.0',
      'Authenticator/0.25.0@0.26.0',
    ]);
    expect(admitted.every((cell: Cell) => cell.sound === true)).toBe(true);
  });

  it('says so in the table, with the ABI caveat', async () => {
    const run = await runCli(['matrix', '--what-if', 'Isolator=0.23.1', '--kinds', 'Isolator'], env);
    expect(run.stdout).toContain("What if Isolator's minimum were 0.23.1 (the expected matrix is not consulted)");
    expect(run.stdout).toContain('Isolator  0.23.1     ✓        ! unsound  ! unsound  ! unsound');
    expect(run.stdout).toContain('judged on the interface by the rules of breakingRules.ts, not ABI-checked');
    expect(run.stdout).toContain('Isolator/0.24.1@0.25.0: 0.25.0 admits the Isolator built for 0.24.1, but the interface differs: namespaces');
  });

  it('refuses what it cannot mean', async () => {
    const unknown = await runCli(['matrix', '--what-if', 'Nope=0.23.1'], env);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('--what-if Nope=0.23.1: no selected host registers Nope');
    const unparsable = await runCli(['matrix', '--what-if', 'Isolator=0.x'], env);
    expect(unparsable.exitCode).toBe(2);
    expect(unparsable.stderr).toContain("--what-if Isolator=0.x: 0.23.1 cannot parse it (Invalid version component 'x': Failed to convert 'x' to number)");
    const update = await runCli(['matrix', '--what-if', 'Isolator=0.23.1', '--update'], env);
    expect(update.exitCode).toBe(2);
    expect(update.stderr).toContain('--update records the real kind tables; it cannot be combined with --what-if');
  });
});

describe('mesos-matrix diff', () => {
  it("shows the Isolator's move from wrapper to abstract class between 0.23.1 and 0.24.1", async () => {
    const run = await runCli(['diff', '0.23.1', '0.24.1', '--kind', 'Isolator'], env);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('  structure: wrapper class + IsolatorProcess → abstract class\n');
    expect(run.stdout).toContain('  ~ recover\n      - virtual process::Future<Nothing> recover(const std::list<ExecutorRunState>& state, const hashset<ContainerID>& orphans) = 0\n      + virtual process::Future<Nothing> recover(const std::list<ContainerState>& states, const hashset<ContainerID>& orphans) = 0\n');
    expect(run.stdout).toContain('+ virtual process::Future<Option<ContainerPrepareInfo>> prepare(const ContainerID& containerId, const ExecutorInfo& executorInfo, const std::string& directory, const Option<std::string>& user) = 0');
    expect(run.stdout).toContain('+ virtual process::Future<ContainerLimitation> watch(const ContainerID& containerId) = 0');
  });

  it('gives the safe minimums as JSON', async () => {
    const run = await runCli(['diff', '0.25.0', '0.26.0', '--format', 'json'], env);
    const report = JSON.parse(run.stdout);
    expect(report.safeMinimums).toMatchObject({ QoSController: '0.23.1', Authenticator: '0.23.1', Isolator: '0.25.0', Allocator: '0.26.0', Hook: '0.26.0' });
    expect(report.kinds.find((kind: { kind: string }) => kind.kind === 'Allocator').changes).toContainEqual({
      change: 'method-added',
      name: 'setQuota',
      signature: 'virtual void setQuota(const std::string& role, const mesos::quota::QuotaInfo& quota) = 0',
    });
    const all = JSON.parse((await runCli(['diff', '0.25.0', '0.26.0', '--releases', 'all', '--format', 'json'], env)).stdout);
    expect(all.safeMinimums).toMatchObject({ QoSController: '0.23.0', Isolator: '0.25.0' });
  });

  it('rejects a release the table does not have', async () => {
    const run = await runCli(['diff', '0.23.1', '0.24.9'], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('diff: no release 0.24.9 in the table');
  });
});
