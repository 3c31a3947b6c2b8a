import { randomBytes } from 'node:crypto';
import { rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ConfigError, UsageError } from '../core/errors.js';
import { GENERATED_MARKER, type GeneratedFinding } from '../core/generatedFinding.js';
import { MANIFEST_FILE, manifestFile, type GeneratedManifest } from './generatedManifest.js';
import { inspectPath } from './inspectPath.js';
import type { GeneratedFile } from './renderShims.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/** What one output folder should hold after `generate`, and what it would leave or remove. */
export interface OutputPlan {
  /** Every file to have, the manifest last. */
  readonly files: readonly GeneratedFile[];
  /** Listed in the folder's manifest, no longer generated: removed with `--prune`, else kept and still listed. */
  readonly orphans: readonly string[];
  readonly prune: boolean;
  readonly previous: GeneratedManifest | null;
}

/** What `generate` did in one folder, by file (relative to the folder). */
export interface WriteOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
  /** Orphans left in place because `--prune` was not given. */
  readonly kept: readonly string[];
}

/** Pure: the generated files plus the manifest listing them (and the orphans kept, unless pruning). */
export function planOutput(lang: string, generated: readonly GeneratedFile[], previous: GeneratedManifest | null, prune: boolean): OutputPlan {
  const produced = new Set(generated.map((file) => file.path));
  const orphans = (previous?.files ?? []).filter((file) => !produced.has(file)).sort();
  const listed = [...produced, ...(prune ? [] : orphans)];
  return { files: [...generated, manifestFile(lang, listed)], orphans, prune, previous };
}

/** `generate --check`: how the folder differs from the plan, touching nothing and following no link. */
export async function checkGenerated(plan: OutputPlan, dir: string, shownAs: string): Promise<GeneratedFinding[]> {
  const findings: GeneratedFinding[] = [];
  for (const file of plan.files) {
    const shown = path.join(shownAs, file.path);
    const found = await inspectPath(dir, file.path);
    if (found.state === 'blocked') findings.push({ code: 'blocked', path: shown, reason: found.reason });
    else if (found.state === 'absent') findings.push({ code: 'missing', path: shown });
    else if (found.content !== file.content) {
      findings.push({ code: 'stale', path: shown, diff: createTwoFilesPatch(`${shown} (committed)`, `${shown} (generated)`, found.content, file.content, '', '', { context: 2 }) });
    }
  }
  for (const orphan of plan.orphans) if ((await inspectPath(dir, orphan)).state !== 'absent') findings.push({ code: 'orphaned', path: path.join(shownAs, orphan) });
  return findings;
}

/**
 * Writes what changed, each file under a fresh temporary name then renamed, and with `--prune`
 * removes the orphans. Refuses (before writing anything) when a file it would write is in the
 * way: behind a symbolic link, or present without being listed in the manifest or carrying the
 * generated-file header.
 */
export async function writeGenerated(plan: OutputPlan, dir: string, shownAs: string): Promise<WriteOutcome> {
  const listed = new Set([...(plan.previous?.files ?? []), ...(plan.previous === null ? [] : [MANIFEST_FILE])]);
  const current = new Map<string, string | null>();
  const blocked: string[] = [];
  for (const file of plan.files) {
    const found = await inspectPath(dir, file.path);
    if (found.state === 'blocked') blocked.push(found.reason);
    else if (found.state === 'absent') current.set(file.path, null);
    else if (listed.has(file.path) || found.content === file.content || found.content.startsWith(GENERATED_MARKER)) current.set(file.path, found.content);
    else blocked.push(`${file.path} exists and was not written by mesos-matrix generate`);
  }
  if (blocked.length > 0) {
    throw new UsageError(
      `generate writes nothing into ${shownAs}: ${blocked.length === 1 ? 'a file it would write is' : `${blocked.length} files it would write are`} in the way:\n${blocked.map((reason) => `  ${reason}`).join('\n')}`,
      'move those files away, or give a folder of its own for the generated files',
    );
  }

  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of plan.files) {
    if (current.get(file.path) === file.content) {
      unchanged.push(file.path);
      continue;
    }
    const target = path.join(dir, file.path);
    await writeWhole(target, file.content).catch((error: NodeJS.ErrnoException) => {
      // The output folder is the user's choice: one that cannot take files is theirs to fix (exit 2).
      if (typeof error.code !== 'string') throw error;
      throw new ConfigError(`cannot write ${target}: ${error.code}${error.path && error.path !== target ? ` at ${error.path}` : ''}`, `give a folder you can write to (${shownAs} now)`);
    });
    written.push(file.path);
  }

  const removed: string[] = [];
  const kept: string[] = [];
  for (const orphan of plan.orphans) {
    const found = await inspectPath(dir, orphan);
    if (found.state !== 'file') continue; // gone already, or replaced by a link or a folder: not ours to touch
    if (!plan.prune) {
      kept.push(orphan);
      continue;
    }
    await rm(path.join(dir, orphan));
    removed.push(orphan);
    await removeEmptyFolders(dir, path.dirname(orphan));
  }
  return { written, unchanged, removed, kept };
}

/** Removes `rel` and its parents below `dir` while they are empty (rmdir refuses a non-empty folder). */
async function removeEmptyFolders(dir: string, rel: string): Promise<void> {
  for (let at = rel; at !== '.' && at !== ''; at = path.dirname(at)) {
    if (!(await rmdir(path.join(dir, at)).then(() => true, () => false))) return;
  }
}

/** Written under a temporary name and renamed: a file is whole or absent, never half-written. */
async function writeWhole(target: string, content: string): Promise<void> {
  await makeDirectory(path.dirname(target));
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, content, { flag: 'wx' });
  await rename(temporary, target);
}
