import type { GeneratedFinding } from '../core/generatedFinding.js';
import { plural } from './plural.js';

/** One output folder of `generate`: what is there to write, and what happened. */
export interface GenerateTarget {
  readonly label: string;
  readonly folder: string;
  readonly files: number;
  readonly outcome: { readonly mode: 'check'; readonly findings: readonly GeneratedFinding[] } | { readonly mode: 'write'; readonly written: number; readonly unchanged: number; readonly removed: number };
}

export function renderGenerate(targets: readonly GenerateTarget[]): string {
  const out: string[] = [];
  for (const target of targets) {
    if (target.outcome.mode === 'write') {
      const { written, unchanged, removed } = target.outcome;
      out.push(`${target.label}: ${plural(target.files, 'file')} in ${target.folder} (${written} written, ${unchanged} unchanged, ${removed} removed)`);
      continue;
    }
    const { findings } = target.outcome;
    if (findings.length === 0) {
      out.push(`${target.label}: ${plural(target.files, 'generated file')} in ${target.folder} up to date`);
      continue;
    }
    out.push(`${target.label}: ${plural(findings.length, 'file')} in ${target.folder} not as generated:`);
    for (const finding of findings) out.push(`  ${finding.code.padEnd(8)} ${finding.path}`);
    for (const finding of findings) if (finding.code === 'stale') out.push('', finding.diff.trimEnd());
  }
  if (targets.some((target) => target.outcome.mode === 'check' && target.outcome.findings.length > 0)) {
    out.push('', 'Run mesos-matrix generate (with the same options, without --check) to update them, and commit the result.');
  }
  return `${out.join('\n')}\n`;
}

/** 0 when every checked file is as generated, 1 otherwise. */
export function generateExitCode(targets: readonly GenerateTarget[]): 0 | 1 {
  return targets.some((target) => target.outcome.mode === 'check' && target.outcome.findings.length > 0) ? 1 : 0;
}
