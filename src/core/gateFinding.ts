import type { InterfaceRuleCode } from './breakingRules.js';
import type { InterfaceBreak } from './interfaceBreaks.js';
import type { Stage } from './stage.js';

/** What the gate reports. Changes are information; the findings after them fail the gate (except `could-relax`). */
export const GATE_FINDING_CODES = [
  'release-added',
  'release-removed',
  'kind-added',
  'kind-removed',
  'minimum-raised',
  'minimum-lowered',
  'interface-added',
  'interface-removed',
  'interface-changed',
  'unsound',
  'missing-bump',
  'unverifiable',
  'could-relax',
  'stale-shim',
  'stale-expected',
] as const;
export type GateFindingCode = (typeof GATE_FINDING_CODES)[number];

/** `error` fails the gate (exit 1); `info` never does. */
export type GateSeverity = 'error' | 'info';

export const GATE_SEVERITY = {
  'release-added': 'info',
  'release-removed': 'info',
  'kind-added': 'info',
  'kind-removed': 'info',
  'minimum-raised': 'info',
  'minimum-lowered': 'info',
  'interface-added': 'info',
  'interface-removed': 'info',
  'interface-changed': 'info',
  unsound: 'error',
  'missing-bump': 'error',
  unverifiable: 'error',
  'could-relax': 'info',
  'stale-shim': 'error',
  'stale-expected': 'error',
} as const satisfies Record<GateFindingCode, GateSeverity>;

/** One committed expected cell that the table no longer predicts. */
export interface StaleCell {
  readonly host: string;
  /** What `versions/expected/matrix.json` records (`null`: nothing). */
  readonly committed: Stage | null;
  /** What the table predicts. */
  readonly predicted: Stage;
}

/**
 * One finding of the gate, as data every renderer (text, JSON, and CI formats) can place: the
 * file and the JSON pointer of the entry it concerns, the release and kind, and for soundness
 * findings the rule of `breakingRules.ts` and the changes that break a build.
 */
export interface GateFinding {
  readonly code: GateFindingCode;
  readonly severity: GateSeverity;
  /** For `unsound` and `missing-bump`: the rule the changes fall under. */
  readonly rule: InterfaceRuleCode | null;
  /** The host release whose entry is concerned (`null` for files that are not per release). */
  readonly release: string | null;
  readonly kind: string | null;
  /** Relative to the root: `versions/releases/0.26.0.json`, `src/shims/0.26.0/Hook.ts`. */
  readonly file: string;
  /** RFC 6901 pointer into `file` (`/kinds/Isolator`); `''` for the whole file. */
  readonly pointer: string;
  /**
   * Minimums: before → after for `minimum-*`; the minimum → the safe minimum for `unsound`,
   * `missing-bump` and `could-relax`. `null` where nothing applies.
   */
  readonly from: string | null;
  readonly to: string | null;
  /** `unsound`, `missing-bump`: the admitted builds that break; `interface-*`: the releases whose interface changed. */
  readonly builds: readonly string[];
  /** `unsound`, `missing-bump`: the changes under `rule`, with both declarations. */
  readonly changes: readonly InterfaceBreak[];
  /** `stale-expected`: the cells that differ. */
  readonly cells: readonly StaleCell[];
  /** `stale-shim`: `stale` (with `diff`), `missing` or `orphaned`; `stale-expected`: `host`, `row` or `cells`; `unverifiable`: what data is missing. */
  readonly detail: string | null;
  readonly diff: string | null;
}

/** A finding with the fields its code does not use left empty. */
export function gateFinding(code: GateFindingCode, fields: Partial<Omit<GateFinding, 'code' | 'severity'>> & Pick<GateFinding, 'file'>): GateFinding {
  return { code, severity: GATE_SEVERITY[code], rule: null, release: null, kind: null, pointer: '', from: null, to: null, builds: [], changes: [], cells: [], detail: null, diff: null, ...fields };
}

/** `/kinds/Isolator`, with `~` and `/` escaped as RFC 6901 says. */
export function jsonPointer(...tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
