import { INTERFACE_RULES } from '../core/breakingRules.js';
import type { GateFinding, GateFindingCode } from '../core/gateFinding.js';
import { updateCommand } from './renderGateSummary.js';

/**
 * One gate finding in words, in parts every format lays out its own way: a label and a one-line
 * summary (what and where), the two declarations of each breaking change, why the rule breaks a
 * build, a shim's diff, and the fix. Every format takes its words from here, so that a text log,
 * an annotation and a pull-request comment say the same thing.
 */
export interface GateFindingText {
  /** `unsound`, `missing bump`, `minimum lowered`, … */
  readonly label: string;
  readonly summary: string;
  /** `unsound`, `missing-bump`: `namespaces: <build's declaration>  →  0.26.0: <host's>`. */
  readonly declarations: readonly string[];
  /** `unsound`, `missing-bump`: why the rule breaks a build (`breakingRules.ts`). */
  readonly why: string | null;
  /** `stale-shim` (`stale`): the unified diff from the committed file to the generated one. */
  readonly diff: string | null;
  /** What to change, and where, for the finding to go away; `null` for information. */
  readonly fix: string | null;
}

const where = (finding: GateFinding) => `${finding.file}${finding.pointer === '' ? '' : ` ${finding.pointer}`}`;
const entry = (finding: GateFinding) => `${finding.release ?? ''} ${finding.kind ?? ''}`.trim();
const listed = (items: readonly string[]) => items.join(', ');

/** The rule's title, the changes under it, and the fix both breaking findings share. */
function breaking(finding: GateFinding, summary: string): Omit<GateFindingText, 'label'> {
  const rule = finding.rule ? INTERFACE_RULES[finding.rule] : null;
  return {
    summary: `${summary} — rule ${finding.rule ?? '?'}: ${rule?.title ?? ''}`,
    declarations: finding.changes.map((change) => `${change.subject}: ${change.build ?? '(none)'}  →  ${finding.release}: ${change.host ?? '(none)'}`),
    why: rule?.why ?? null,
    diff: null,
    fix: `raise the minimum to ${finding.to ?? finding.release} (from there on no change breaks a build), in ${where(finding)}`,
  };
}

const plain = (summary: string, fix: string | null = null): Omit<GateFindingText, 'label'> => ({ summary, declarations: [], why: null, diff: null, fix });

function staleExpected(finding: GateFinding): string {
  if (finding.detail === 'host') return `${where(finding)}: no column for ${finding.release}`;
  if (finding.detail === 'row') return `${where(finding)}: no row for ${finding.kind}/${finding.release}`;
  const cells = finding.cells.map((cell) => `at ${cell.host} records ${cell.committed ?? 'nothing'}, the table predicts ${cell.predicted}`);
  return `${where(finding)}: ${finding.kind}/${finding.release} ${cells.join('; ')}`;
}

const DESCRIBE = {
  'release-added': (f) => plain(`${f.release}  ${f.file}`),
  'release-removed': (f) => plain(`${f.release}  ${f.file}`),
  'kind-added': (f) => plain(`${entry(f)} at minimum ${f.to}  ${where(f)}`),
  'kind-removed': (f) => plain(`${entry(f)}  ${where(f)}`),
  'minimum-raised': (f) => plain(`${entry(f)}  ${f.from} → ${f.to} (bump)  ${where(f)}`),
  'minimum-lowered': (f) => plain(`${entry(f)}  ${f.from} → ${f.to} (relax)  ${where(f)}`),
  'interface-added': (f) => plain(`${f.kind} for ${listed(f.builds)}  ${where(f)}`),
  'interface-removed': (f) => plain(`${f.kind} for ${listed(f.builds)}  ${where(f)}`),
  'interface-changed': (f) => plain(`${f.kind} at ${listed(f.builds)}  ${where(f)}`),
  unsound: (f) => breaking(f, `${entry(f)}: minimum ${f.from} admits builds for ${listed(f.builds)}, which an earlier interface change breaks`),
  'missing-bump': (f) => breaking(f, `${entry(f)}: the interface changed at ${f.release}, but minimum ${f.from} still admits builds for ${listed(f.builds)}`),
  unverifiable: (f) => plain(`${entry(f)}: minimum ${f.from} admits builds for ${listed(f.builds)}, but ${f.detail}`, `add the interface to versions/interfaces/${f.kind}.json, or raise the minimum in ${where(f)}`),
  'could-relax': (f) => plain(`${entry(f)}: minimum ${f.from} could be ${f.to} — every build from ${f.to} on loads without a breaking change  ${where(f)}`),
  'stale-shim': (f) => ({ ...plain(`${f.file} ${f.detail}`, 'run mesos-matrix generate and commit src/shims'), diff: f.diff }),
  // One run records every stale cell of the change: each stale entry names that run.
  'stale-expected': (f, all) => plain(staleExpected(f), `run ${updateCommand(all) ?? ''}, and commit versions/expected/matrix.json`),
} as const satisfies Record<GateFindingCode, (finding: GateFinding, all: readonly GateFinding[]) => Omit<GateFindingText, 'label'>>;

/** How each code is named in a report. */
export const GATE_LABELS = {
  'release-added': 'release added',
  'release-removed': 'release removed',
  'kind-added': 'kind added',
  'kind-removed': 'kind removed',
  'minimum-raised': 'minimum raised',
  'minimum-lowered': 'minimum lowered',
  'interface-added': 'interface added',
  'interface-removed': 'interface removed',
  'interface-changed': 'interface changed',
  unsound: 'unsound',
  'missing-bump': 'missing bump',
  unverifiable: 'unverifiable',
  'could-relax': 'could relax',
  'stale-shim': 'stale shim',
  'stale-expected': 'stale expected',
} as const satisfies Record<GateFindingCode, string>;

/** `finding` in words; `all` (every finding of the result) lets a fix cover the finding's siblings (one `matrix --update` for every stale cell). */
export function describeGateFinding(finding: GateFinding, all: readonly GateFinding[] = [finding]): GateFindingText {
  return { label: GATE_LABELS[finding.code], ...DESCRIBE[finding.code](finding, all) };
}

/**
 * The findings of a section in words, a fix said by the finding before it left out: a list of
 * stale entries names the one run that records them all once, at the last of them.
 */
export function describeGateFindings(findings: readonly GateFinding[], all: readonly GateFinding[]): GateFindingText[] {
  const texts = findings.map((finding) => describeGateFinding(finding, all));
  return texts.map((text, index) => (text.fix !== null && texts[index + 1]?.fix === text.fix ? { ...text, fix: null } : text));
}

/** The lines after the summary, as text: the declarations, why it breaks a build, the diff, the fix. */
export function gateFindingDetail(text: GateFindingText): string[] {
  return [
    ...text.declarations,
    ...(text.why === null ? [] : [`why it breaks a build: ${text.why}`]),
    ...(text.diff ? text.diff.trimEnd().split('\n') : []),
    ...(text.fix === null ? [] : [`fix: ${text.fix}`]),
  ];
}

/** Where a finding is, for a title or a test name: the entry, or the file. */
export function gateSubject(finding: GateFinding): string {
  return finding.kind !== null && finding.release !== null ? entry(finding) : (finding.release ?? finding.file);
}
