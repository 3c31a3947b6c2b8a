import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { GENERATED_MARKER, type GeneratedFinding } from '../core/generatedFinding.js';
import type { GeneratedFile } from './renderShims.js';

/** `generate --check`: what differs between the files and the folder, touching nothing. */
export async function checkGenerated(files: readonly GeneratedFile[], outDir: string, shownAs: string): Promise<GeneratedFinding[]> {
  const findings: GeneratedFinding[] = [];
  for (const file of files) {
    const onDisk = await readFile(path.join(outDir, file.path), 'utf8').catch(() => null);
    const shown = path.join(shownAs, file.path);
    if (onDisk === null) findings.push({ code: 'missing', path: shown });
    else if (onDisk !== file.content) findings.push({ code: 'stale', path: shown, diff: createTwoFilesPatch(`${shown} (committed)`, `${shown} (generated)`, onDisk, file.content, '', '', { context: 2 }) });
  }
  for (const orphan of await orphans(files, outDir)) findings.push({ code: 'orphaned', path: path.join(shownAs, orphan) });
  return findings;
}

/** Writes what changed (under a temporary name, then renamed) and removes generated files no longer produced. */
export async function writeGenerated(files: readonly GeneratedFile[], outDir: string): Promise<{ written: number; unchanged: number; removed: number }> {
  let written = 0;
  for (const file of files) {
    const target = path.join(outDir, file.path);
    if ((await readFile(target, 'utf8').catch(() => null)) === file.content) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.tmp`, file.content);
    await rename(`${target}.tmp`, target);
    written++;
  }
  const removed = await orphans(files, outDir);
  await Promise.all(removed.map((orphan) => rm(path.join(outDir, orphan))));
  return { written, unchanged: files.length - written, removed: removed.length };
}

/** Files under the folder that this tool generated but would not generate now. */
async function orphans(files: readonly GeneratedFile[], outDir: string): Promise<string[]> {
  const expected = new Set(files.map((file) => path.normalize(file.path)));
  const entries = await readdir(outDir, { recursive: true }).catch(() => [] as string[]);
  const found: string[] = [];
  for (const entry of entries.map(String).sort()) {
    if (expected.has(path.normalize(entry)) || !/\.(ts|hpp)$/.test(entry)) continue;
    const head = await readFile(path.join(outDir, entry), 'utf8').then((text) => text.slice(0, GENERATED_MARKER.length)).catch(() => '');
    if (head === GENERATED_MARKER) found.push(entry);
  }
  return found;
}
