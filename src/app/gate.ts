import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { gateFinding, type GateFinding } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import { gateTable } from '../core/gateTable.js';
import type { VersionTable } from '../core/versionTable.js';
import { gitIn, repositoryPrefix, resolveBase } from './gitRepository.js';
import { readTable } from './readTable.js';
import { readTableAt } from './readTableAt.js';
import { generateShims } from './generateShims.js';
import { projectPaths } from './paths.js';

/** Where the gate looks, and what it compares with. */
export interface GateOptions {
  /** The folder holding `versions/` (and `src/shims/`), inside a git repository; as given (shown) and resolved. */
  readonly root: string;
  /** A git revision; default: the merge base with the default branch (see `resolveBase`). */
  readonly base: string | undefined;
  /** Where schema validators are kept. */
  readonly cacheDir: string;
}


const TABLE = 'versions';
const SHIMS = path.join('src', 'shims');

/**
 * The CI gate on a change to the kind table: reads the table at the base revision (through
 * git) and in the working tree, judges the change (`gateTable`), and checks that the generated
 * shims (`src/shims`, every release, as `generate --check`) match the working tree's table.
 */
export async function gate(options: GateOptions): Promise<GateResult> {
  const root = path.resolve(options.root);
  if (!(await stat(root).catch(() => null))?.isDirectory()) throw new UsageError(`--root ${options.root}: no such folder`, 'point --root at the repository folder that holds versions/');
  const git = await gitIn(root);
  const prefix = await repositoryPrefix(git, options.root);
  const base = await resolveBase(git, options.base);
  const [head, before] = await Promise.all([readTable(path.join(root, TABLE), options.cacheDir), readTableAt(git, base, `${prefix}${TABLE}/`, TABLE, options.cacheDir)]);
  const shims = await checkShims(root, head, options.cacheDir);
  const findings = [...gateTable(before, head, `${TABLE}/expected/matrix.json`), ...shims.findings];
  const entries = head.releases.reduce((sum, release) => sum + release.host.kinds.size, 0);
  const expectedCells = head.releases.length * entries;
  return { root: options.root, base, baseHasTable: before !== null, findings, checked: { releases: head.releases.length, entries, expectedCells, shims: shims.files } };
}

/** `generate --check` on the committed shims, in process; a repository without `src/shims` has none to check. */
async function checkShims(root: string, table: VersionTable, cacheDir: string): Promise<{ findings: GateFinding[]; files: number | null }> {
  if (!(await stat(path.join(root, SHIMS)).catch(() => null))?.isDirectory()) return { findings: [], files: null };
  const paths = projectPaths(root, undefined, root);
  // Every release of the table, as `generate` writes by default: a release added without regenerating is missing.
  const [target] = await generateShims({ releases: 'all', kinds: undefined, langs: ['ts'], out: SHIMS, cppOut: 'include/mesos-matrix', check: true, prune: false, cwd: root, tableDir: paths.tableDir, cacheDir, templatesDir: paths.templatesDir }, table);
  if (target === undefined || target.outcome.mode !== 'check') return { findings: [], files: null };
  return {
    files: target.files,
    findings: target.outcome.findings.map((finding) => gateFinding('stale-shim', { file: finding.path, detail: finding.code, diff: finding.code === 'stale' ? finding.diff : null })),
  };
}
