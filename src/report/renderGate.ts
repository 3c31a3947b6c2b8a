import semver from 'semver';
import { INTERFACE_RULES } from '../core/breakingRules.js';
import type { GateFinding, GateFindingCode } from '../core/gateFinding.js';
import type { GateResult } from '../core/gateResult.js';
import type { GateFormat } from './gateFormats.js';
import { plural } from './plural.js';

const where = (finding: GateFinding) => `${finding.file}${finding.pointer === '' ? '' : ` ${finding.pointer}`}`;
const entry = (finding: GateFinding) => `${finding.release ?? ''} ${finding.kind ?? ''}`.trim();
const listed = (items: readonly string[]) => items.join(', ');

/** Why an admission breaks, with both declarations and the fix: shared by `unsound` and `missing-bump`. */
function breaking(finding: GateFinding, lead: string): string[] {
  const rule = finding.rule ? INTERFACE_RULES[finding.rule] : null;
  return [
    `${lead} — rule ${finding.rule ?? '?'}: ${rule?.title ?? ''}`,
    ...finding.changes.map((change) => `    ${change.subject}: ${change.build ?? '(none)'}  →  ${finding.release}: ${change.host ?? '(none)'}`),
    `    why it breaks a build: ${rule?.why ?? ''}`,
    `    fix: raise the minimum to ${finding.to ?? finding.release} (from there on no change breaks a build), in ${where(finding)}`,
  ];
}

/** One finding as text: the first line says what and where, the following lines why and what to do. */
const DESCRIBE = {
  'release-added': (f) => [`release added      ${f.release}  ${f.file}`],
  'release-removed': (f) => [`release removed    ${f.release}  ${f.file}`],
  'kind-added': (f) => [`kind added         ${entry(f)} at minimum ${f.to}  ${where(f)}`],
  'kind-removed': (f) => [`kind removed       ${entry(f)}  ${where(f)}`],
  'minimum-raised': (f) => [`minimum raised     ${entry(f)}  ${f.from} → ${f.to} (bump)  ${where(f)}`],
  'minimum-lowered': (f) => [`minimum lowered    ${entry(f)}  ${f.from} → ${f.to} (relax)  ${where(f)}`],
  'interface-added': (f) => [`interface added    ${f.kind} for ${listed(f.builds)}  ${where(f)}`],
  'interface-removed': (f) => [`interface removed  ${f.kind} for ${listed(f.builds)}  ${where(f)}`],
  'interface-changed': (f) => [`interface changed  ${f.kind} at ${listed(f.builds)}  ${where(f)}`],
  unsound: (f) => breaking(f, `✗ unsound       ${entry(f)}: minimum ${f.from} admits builds for ${listed(f.builds)}, which an earlier interface change breaks`),
  'missing-bump': (f) => breaking(f, `✗ missing bump  ${entry(f)}: the interface changed at ${f.release}, but minimum ${f.from} still admits builds for ${listed(f.builds)}`),
  unverifiable: (f) => [`✗ unverifiable  ${entry(f)}: minimum ${f.from} admits builds for ${listed(f.builds)}, but ${f.detail}`, `    fix: add the interface to versions/interfaces/${f.kind}.json, or raise the minimum in ${where(f)}`],
  'could-relax': (f) => [`could relax        ${entry(f)}: minimum ${f.from} could be ${f.to} — every build from ${f.to} on loads without a breaking change  ${where(f)}`],
  'stale-shim': (f) => [
    `✗ stale shim    ${f.file} ${f.detail}`,
    ...(f.diff ? f.diff.trimEnd().split('\n').map((line) => `    ${line}`) : []),
    '    fix: run mesos-matrix generate and commit src/shims',
  ],
  'stale-expected': (f) => [
    f.detail === 'host'
      ? `✗ stale expected  ${where(f)}: no column for ${f.release}`
      : f.detail === 'row'
        ? `✗ stale expected  ${where(f)}: no row for ${f.kind}/${f.release}`
        : `✗ stale expected  ${where(f)}: ${f.kind}/${f.release} ${f.cells.map((cell) => `at ${cell.host} records ${cell.committed ?? 'nothing'}, the table predicts ${cell.predicted}`).join('; ')}`,
  ],
} as const satisfies Record<GateFindingCode, (finding: GateFinding) => string[]>;

const CHANGE_CODES: ReadonlySet<GateFindingCode> = new Set(['release-added', 'release-removed', 'kind-added', 'kind-removed', 'minimum-raised', 'minimum-lowered', 'interface-added', 'interface-removed', 'interface-changed']);

function renderText(result: GateResult): string {
  const { findings, base, checked } = result;
  const changes = findings.filter((finding) => CHANGE_CODES.has(finding.code));
  const failures = findings.filter((finding) => finding.severity === 'error');
  const notes = findings.filter((finding) => finding.severity === 'info' && !CHANGE_CODES.has(finding.code));
  const commit = base.commit.slice(0, 12);
  const against = base.ref === commit ? commit : `${base.ref} (${commit})`;
  const out = [`mesos-matrix gate — versions/ in the working tree against ${against}, ${base.how}${result.baseHasTable ? '' : ', which has no table'}`, ''];
  const section = (title: string, items: readonly GateFinding[]) => {
    if (items.length > 0) out.push(`${title}:`, ...items.flatMap((finding) => DESCRIBE[finding.code](finding).map((line) => `  ${line}`)), '');
  };
  section('Changes', changes);
  if (changes.length === 0) out.push('No change to the table.', '');
  section('Failures', failures);
  section('Notes', notes);
  const update = updateCommand(failures);
  if (update) out.push(`  To update the expected matrix: ${update}, and commit versions/expected/matrix.json.`, '');
  const shims = checked.shims === null ? 'no src/shims to check' : plural(checked.shims, 'shim file');
  const verdict = failures.length > 0 ? `${plural(failures.length, 'failure')} — the gate fails` : 'the gate passes';
  out.push(`Checked ${plural(checked.releases, 'release')}, ${plural(checked.entries, 'kind entry').replace('entrys', 'entries')}, ${checked.expectedCells.toLocaleString('en-US')} expected cells, ${shims}: ${plural(changes.length, 'change')}, ${plural(notes.length, 'note')}, ${verdict}.`);
  return `${out.join('\n')}\n`;
}

/** The `matrix --update` run that records every stale cell: the kinds concerned, from the earliest build to the latest host. */
function updateCommand(failures: readonly GateFinding[]): string | null {
  const stale = failures.filter((finding) => finding.code === 'stale-expected');
  if (stale.length === 0) return null;
  if (stale.some((finding) => finding.detail !== 'cells')) return 'npm run matrix -- --update --releases all';
  const kinds = [...new Set(stale.map((finding) => finding.kind ?? ''))].sort();
  const releases = stale.flatMap((finding) => [finding.release ?? '', ...finding.cells.map((cell) => cell.host)]).sort(semver.compare);
  return `npm run matrix -- --update --kinds ${kinds.join(',')} --releases ">=${releases[0]} <=${releases.at(-1)}"`;
}

/** `mesos-matrix gate` output by format; JSON is the result itself. */
export const GATE_RENDERERS = {
  text: renderText,
  json: (result) => `${JSON.stringify(result, null, 2)}\n`,
} as const satisfies Record<GateFormat, (result: GateResult) => string>;

/** 0 when nothing fails (changes and notes never do), 1 otherwise. */
export function gateExitCode(result: GateResult): 0 | 1 {
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
