import type { GeneratedFinding } from '../core/generatedFinding.js';
import type { GenerateFormat, GenerateLang } from './formats.js';
import { plural } from './plural.js';

/** One output folder of `generate`: what is there to have, and what happened. */
export interface GenerateTarget {
  readonly lang: GenerateLang;
  readonly label: string;
  /** The folder as given on the command line. */
  readonly folder: string;
  /** Files generated into it, the manifest included. */
  readonly files: number;
  /** The releases generated: those asked for and those the folder's manifest lists. */
  readonly releases: readonly string[];
  readonly outcome:
    | { readonly mode: 'check'; readonly findings: readonly GeneratedFinding[] }
    | { readonly mode: 'write'; readonly written: readonly string[]; readonly unchanged: readonly string[]; readonly removed: readonly string[]; readonly kept: readonly string[] };
}

const FIX = {
  stale: 'run mesos-matrix generate',
  missing: 'run mesos-matrix generate',
  orphaned: 'run mesos-matrix generate --prune to remove it',
  blocked: 'move it away; generate never writes through it',
} as const satisfies Record<GeneratedFinding['code'], string>;

/** The human report: per folder a summary line, the files removed or kept, and for `--check` each finding (with diffs). */
export function renderGenerate(targets: readonly GenerateTarget[]): string {
  const out: string[] = [];
  for (const target of targets) {
    const where = `${target.label}: ${plural(target.files, 'file')} for ${plural(target.releases.length, 'release')} in ${target.folder}`;
    if (target.outcome.mode === 'write') {
      const { written, unchanged, removed, kept } = target.outcome;
      out.push(`${where} (${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed)`);
      for (const file of removed) out.push(`  removed  ${file}`);
      if (kept.length > 0) out.push(`  ${plural(kept.length, 'file')} no longer generated, kept (--prune removes them):`, ...kept.map((file) => `  kept     ${file}`));
      continue;
    }
    const { findings } = target.outcome;
    if (findings.length === 0) {
      out.push(`${where}: up to date`);
      continue;
    }
    out.push(`${where}: ${plural(findings.length, 'file')} not as generated:`);
    for (const finding of findings) out.push(`  ${finding.code.padEnd(8)} ${finding.path}${finding.code === 'blocked' ? ` (${finding.reason})` : ''}`);
    for (const finding of findings) if (finding.code === 'stale') out.push('', finding.diff.trimEnd());
  }
  const codes = new Set(targets.flatMap((target) => (target.outcome.mode === 'check' ? target.outcome.findings.map((finding) => finding.code) : [])));
  if (codes.size > 0) out.push('', `To fix: ${[...new Set([...codes].map((code) => FIX[code]))].join('; ')} (with the same options, without --check), and commit the result.`);
  return `${out.join('\n')}\n`;
}

/** The canonical form: per folder the files written, unchanged, removed and kept, or the check's findings. */
export function renderGenerateJson(targets: readonly GenerateTarget[]): string {
  return `${JSON.stringify(
    targets.map((target) => ({ ...target, ok: target.outcome.mode === 'write' || target.outcome.findings.length === 0 })),
    null,
    2,
  )}\n`;
}

/** Renderers return strings; only the CLI writes them. */
export const GENERATE_RENDERERS = {
  text: renderGenerate,
  json: renderGenerateJson,
} as const satisfies Record<GenerateFormat, (targets: readonly GenerateTarget[]) => string>;

/** 0 when every checked file is as generated, 1 otherwise. */
export function generateExitCode(targets: readonly GenerateTarget[]): 0 | 1 {
  return targets.some((target) => target.outcome.mode === 'check' && target.outcome.findings.length > 0) ? 1 : 0;
}
