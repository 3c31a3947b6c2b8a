import type { GateFinding, GateFindingCode } from '../core/gateFinding.js';
import { groupBy } from '../core/groupBy.js';
import type { GateResult } from '../core/gateResult.js';
import { junitText, newJunitBuilder } from './junitBuilder.js';
import { describeGateFinding, gateFindingDetail, gateSubject } from './renderGateFinding.js';
import { gateComparison, gateSections, gateSummary } from './renderGateSummary.js';

/** The checks the gate makes, each a test case when it finds nothing, and a failing case per finding when it does. */
const CHECKS = {
  unsound: 'no minimum admits a build an earlier interface change breaks',
  'missing-bump': 'every interface change raises the minimum',
  unverifiable: 'every admitted build has interface data',
  'stale-shim': 'src/shims matches the table',
  'stale-expected': 'versions/expected/matrix.json matches the table',
} as const satisfies Partial<Record<GateFindingCode, string>>;

/**
 * `gate` as JUnit: a suite of the changes (a passing case per changed entry, its changes and
 * notes as output) and a suite of the checks (per check, one passing case, or a failing case
 * per finding with its rule, why it breaks a build and the fix).
 */
export function renderGateJunit(result: GateResult): string {
  const { changes, notes } = gateSections(result);
  const builder = newJunitBuilder().name(`mesos-matrix gate: ${gateSummary(result).verdict}`);
  const changed = builder.testSuite().name(`changes: ${gateComparison(result)}`);
  const byEntry = groupBy([...changes, ...notes], (finding) => `${finding.file}#${finding.pointer}`);
  if (byEntry.size === 0) changed.testCase().className('gate.changes').name('no change to the table');
  for (const findings of byEntry.values()) {
    const texts = findings.map((finding) => describeGateFinding(finding, result.findings));
    changed
      .testCase()
      .className('gate.changes')
      .name(`${gateSubject(findings[0] as GateFinding)}: ${[...new Set(texts.map((text) => text.label))].join(', ')}`)
      .standardOutput(junitText(texts.map((text) => `${text.label}: ${text.summary}`).join('\n')));
  }
  const checks = builder.testSuite().name('checks');
  for (const [code, title] of Object.entries(CHECKS) as Array<[keyof typeof CHECKS, string]>) {
    const found = result.findings.filter((finding) => finding.code === code);
    if (found.length === 0) checks.testCase().className(`gate.${code}`).name(title);
    for (const finding of found) {
      const text = describeGateFinding(finding, result.findings);
      checks
        .testCase()
        .className(`gate.${code}`)
        .name(`${gateSubject(finding)}: ${text.label}`)
        .failure(junitText(text.summary), finding.rule ?? code)
        .standardError(junitText(gateFindingDetail(text).join('\n')));
    }
  }
  return `${builder.build()}\n`;
}
