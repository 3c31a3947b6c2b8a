import { ConfigError, UsageError } from '../core/errors.js';
import type { GitBase } from '../core/gateResult.js';


/** A git command's outcome: stdout as bytes, so that `cat-file --batch` sizes can be honoured. */
type Git = (args: readonly string[], input?: string) => Promise<{ ok: boolean; stdout: string; bytes: Buffer; stderr: string }>;

/** Runs git in `dir` with execa (outcome objects, no throwing). */
export async function gitIn(dir: string): Promise<Git> {
  const { execa } = await import('execa');
  return async (args, input) => {
    const result = await execa('git', [...args], { cwd: dir, reject: false, encoding: 'buffer', stripFinalNewline: false, ...(input === undefined ? { stdin: 'ignore' as const } : { input }) });
    if ((result as { code?: string }).code === 'ENOENT') throw new ConfigError('git is not on the PATH', 'install git: the gate reads the table at the base revision with it');
    const bytes = Buffer.from(result.stdout as Uint8Array);
    return { ok: !result.failed, stdout: bytes.toString('utf8').trimEnd(), bytes, stderr: Buffer.from(result.stderr as Uint8Array).toString('utf8') };
  };
}

/** The folder's path inside its repository (`''` at the top, `sub/` below it); not a repository is a configuration error. */
export async function repositoryPrefix(git: Git, shownRoot: string): Promise<string> {
  const prefix = await git(['rev-parse', '--show-prefix']);
  if (!prefix.ok) {
    throw new ConfigError(`${shownRoot} is not in a git repository (${firstLine(prefix.stderr)})`, 'run the gate inside the repository that holds versions/, or point --root at it');
  }
  return prefix.stdout.trim();
}

/**
 * `--base`, else the merge base of HEAD with the default branch (`origin/HEAD`, else `main`,
 * else `master`) — and when HEAD is on the default branch itself, `HEAD~1`, so that the last
 * commit is gated; without a default branch `HEAD~1`; in a repository of one commit, `HEAD`.
 */
export async function resolveBase(git: Git, requested: string | undefined): Promise<GitBase> {
  const commitOf = async (ref: string) => {
    const found = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return found.ok ? found.stdout.trim() : null;
  };
  if (requested !== undefined) {
    const commit = await commitOf(requested);
    if (!commit) throw new UsageError(`--base ${requested}: no such revision in this repository`, 'give a branch, tag or commit git knows (git log --oneline shows them), e.g. --base origin/main');
    return { ref: requested, commit, how: '--base' };
  }
  const head = await commitOf('HEAD');
  if (!head) throw new ConfigError('the repository has no commit yet: there is nothing to compare the working tree with', 'commit the table first, or give --base');
  const parent = await commitOf('HEAD~1');
  for (const branch of ['origin/HEAD', 'main', 'master']) {
    if (!(await commitOf(branch))) continue;
    const mergeBase = await git(['merge-base', 'HEAD', branch]);
    if (!mergeBase.ok) continue;
    const commit = mergeBase.stdout.trim();
    if (commit !== head) return { ref: commit.slice(0, 12), commit, how: `merge base with ${branch}` };
    if (parent) return { ref: 'HEAD~1', commit: parent, how: `HEAD is on ${branch}: its last commit` };
    return { ref: 'HEAD', commit: head, how: `HEAD is on ${branch}, its only commit: uncommitted changes` };
  }
  return parent ? { ref: 'HEAD~1', commit: parent, how: 'no default branch: the last commit' } : { ref: 'HEAD', commit: head, how: 'the only commit: uncommitted changes' };
}

/** The files under `folder` (repository-relative, with a trailing slash) at `commit`, relative to `folder`. */
export async function listFilesAt(git: Git, commit: string, folder: string): Promise<string[]> {
  const listed = await git(['ls-tree', '-r', '--name-only', '--full-tree', commit, '--', folder]);
  if (!listed.ok) throw new ConfigError(`cannot list ${folder} at ${commit.slice(0, 12)}: ${firstLine(listed.stderr)}`, 'check that the base revision is complete (a shallow clone needs fetch-depth: 0)');
  return listed.stdout.split('\n').filter((line) => line.startsWith(folder)).map((line) => line.slice(folder.length));
}

/** The texts of `paths` (repository-relative) at `commit`, read by one `git cat-file --batch`. */
export async function readFilesAt(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const batch = await git(['cat-file', '--batch'], `${paths.map((file) => `${commit}:${file}`).join('\n')}\n`);
  if (!batch.ok) throw new ConfigError(`cannot read the table at ${commit.slice(0, 12)}: ${firstLine(batch.stderr)}`, 'check that the base revision is complete');
  const out = batch.bytes;
  const texts = new Map<string, string>();
  let at = 0;
  for (const file of paths) {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString('utf8');
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) throw new ConfigError(`cannot read ${file} at ${commit.slice(0, 12)}: git says ${header}`, 'check that the base revision is complete');
    texts.set(file, out.subarray(end + 1, end + 1 + Number(size)).toString('utf8'));
    at = end + 1 + Number(size) + 1;
  }
  return texts;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
