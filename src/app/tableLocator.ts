import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locateJsonPointer } from '../core/parseJsonText.js';
import type { LocateInTable } from '../report/matrixReportOptions.js';

/**
 * Places JSON pointers of the table's files for `--format github`: a file as a result names it
 * (`versions/releases/0.26.0.json`, under the table folder's name) is read from `tableDir`,
 * located with the same parser as schema problems are (`locateJsonPointer`), and named
 * relative to `cwd` — the repository root in a workflow, where GitHub resolves `file=`. Each file
 * is read once, when first asked for.
 */
export function tableLocator(tableDir: string, cwd: string): LocateInTable {
  const texts = new Map<string, string | null>();
  const read = (absolute: string) => {
    if (!texts.has(absolute)) {
      try {
        texts.set(absolute, readFileSync(absolute, 'utf8'));
      } catch {
        texts.set(absolute, null);
      }
    }
    return texts.get(absolute) ?? null;
  };
  return (file, pointer) => {
    const absolute = path.join(path.dirname(tableDir), file);
    const text = read(absolute);
    const at = text === null ? null : locateJsonPointer(text, pointer);
    if (!at) return null;
    return { file: path.relative(cwd, absolute).split(path.sep).join('/'), line: at.line, column: at.column };
  };
}
