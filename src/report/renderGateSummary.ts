import compare from 'semver/functions/compare.js';
import type { GateFinding, GateFindingCode } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import type { LocateInTable } from './matrixReportOptions.js';
import { plural } from './plural.js';

/** What the gate renderers take besides the result; each format reads the fields it needs. */
export interface GateReportOptions {
  /** `text`: colour. */
  readonly color: boolean;
  /** `github`: places annotations on the line of a JSON file's entry (`tableLocator`); without it, on the file only. */
  readonly locate?: LocateInTable;
}

const CHANGE_CODES: ReadonlySet<GateFindingCode> = new Set(['release-added', 'release-removed', 'kind-added', 'kind-removed', 'minimum-raised', 'minimum-lowered', 'interface-added', 'interface-removed', 'interface-changed']);

/** The findings as every format groups them: what changed, what fails the gate, and the notes (`could-relax`). */
export function gateSections(result: GateResult): { changes: GateFinding[]; failures: GateFinding[]; notes: GateFinding[] } {
  const { findings } = result;
  return {
    changes: findings.filter((finding) => CHANGE_CODES.has(finding.code)),
    failures: findings.filter((finding) => finding.severity === 'error'),
    notes: findings.filter((finding) => finding.severity === 'info' && !CHANGE_CODES.has(finding.code)),
  };
}

/** What was compared with what: `versions/ in the working tree against main (0123456789ab), merge base with main`. */
export function gateComparison(result: GateResult): string {
  const commit = result.base.commit.slice(0, 12);
  const against = result.base.ref === commit ? commit : `${result.base.ref} (${commit})`;
  return `versions/ in the working tree against ${against}, ${result.base.how}${result.baseHasTable ? '' : ', which has no table'}`;
}

/** The verdict and how much was checked, as every format ends (or heads) with it. */
export function gateSummary(result: GateResult): { ok: boolean; verdict: string; text: string } {
  const { changes, failures, notes } = gateSections(result);
  const { checked } = result;
  const shims = checked.shims === null ? 'no src/shims to check' : plural(checked.shims, 'shim file');
  const ok = failures.length === 0;
  const verdict = ok ? 'the gate passes' : `${plural(failures.length, 'failure')} — the gate fails`;
  const entries = plural(checked.entries, 'kind entry').replace('entrys', 'entries');
  const text = `Checked ${plural(checked.releases, 'release')}, ${entries}, ${checked.expectedCells.toLocaleString('en-US')} expected cells, ${shims}: ${plural(changes.length, 'change')}, ${plural(notes.length, 'note')}, ${verdict}.`;
  return { ok, verdict, text };
}

/** The `matrix --update` run that records every stale cell of `failures`: the kinds concerned, from the earliest build to the latest host. */
export function updateCommand(failures: readonly GateFinding[]): string | null {
  const stale = failures.filter((finding) => finding.code === 'stale-expected');
  if (stale.length === 0) return null;
  if (stale.some((finding) => finding.detail !== 'cells')) return 'npx mesos-matrix matrix --update --releases all';
  const kinds = [...new Set(stale.map((finding) => finding.kind ?? ''))].sort();
  const releases = stale.flatMap((finding) => [finding.release ?? '', ...finding.cells.map((cell) => cell.host)]).sort(compare);
  return `npx mesos-matrix matrix --update --kinds ${kinds.join(',')} --releases ">=${releases[0]} <=${releases.at(-1)}"`;
}

/** 0 when nothing fails (changes and notes never do), 1 otherwise. */
export function gateExitCode(result: GateResult): 0 | 1 {
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** The sections of the Markdown and HTML reports: changed minimums (bump or relax), other changes, breaking admissions, stale files, notes. */
export function gateReportSections(result: GateResult): Record<'minimums' | 'otherChanges' | 'breaking' | 'stale' | 'notes', GateFinding[]> {
  const { changes, failures, notes } = gateSections(result);
  const minimum = (finding: GateFinding) => finding.code === 'minimum-raised' || finding.code === 'minimum-lowered';
  const stale = (finding: GateFinding) => finding.code === 'stale-shim' || finding.code === 'stale-expected';
  return {
    minimums: changes.filter(minimum),
    otherChanges: changes.filter((finding) => !minimum(finding)),
    breaking: failures.filter((finding) => !stale(finding)),
    stale: failures.filter(stale),
    notes,
  };
}
