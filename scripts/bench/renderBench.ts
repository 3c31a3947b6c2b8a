import { formatSpread, type Spread } from './stats.js';

/** One scenario of the tool against one baseline. */
export interface BenchRow {
  readonly scenario: string;
  readonly baseline: string;
  /** Seconds. */
  readonly tool: Spread;
  readonly base: Spread;
  /** Tool / baseline, per round. */
  readonly ratio: Spread;
  /** The ratio the median must not exceed; `null` for a row that only informs. */
  readonly target: number | null;
  /** The tool's peak RSS of the whole process tree, MB. */
  readonly rssMb: Spread;
}

export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly cores: number; readonly node: string; readonly compiler: string };
  readonly rounds: number;
  readonly allRounds: number;
  readonly warmup: number;
  readonly rows: readonly BenchRow[];
  readonly memory: ReadonlyArray<{ readonly scenario: string; readonly rssMb: Spread; readonly targetMb: number }>;
}

/** The terminal table: medians (min–max) of the tool, of its baseline and of the per-round ratio, and whether each target is met. */
export function renderBench(report: BenchReport): string {
  const head = ['scenario', 'tool, s', 'baseline', 'baseline, s', 'ratio', 'target', ''];
  const body = report.rows.map((row) => [
    row.scenario,
    Number.isNaN(row.tool.median) ? '–' : formatSpread(row.tool),
    row.baseline,
    Number.isNaN(row.base.median) ? '–' : formatSpread(row.base),
    Number.isNaN(row.ratio.median) ? '–' : `${formatSpread(row.ratio)}×`,
    row.target === null ? '(floor)' : `≤ ${row.target}×`,
    row.target === null ? '' : row.ratio.median <= row.target ? 'met' : 'MISSED',
  ]);
  const memoryHead = ['peak RSS, whole tree', 'MB', 'target', ''];
  const memory = report.memory.map((item) => [item.scenario, formatSpread(item.rssMb, 0), `≤ ${item.targetMb} MB`, item.rssMb.median <= item.targetMb ? 'met' : 'MISSED']);
  const { machine } = report;
  return [
    `mesos-matrix bench, ${report.date} — ${machine.cores} cores, Node ${machine.node}, ${machine.compiler}`,
    `${report.rounds} rounds (cold all: ${report.allRounds}) after ${report.warmup} warm-up, contenders in turn; medians (min–max); ratio = tool / baseline of the same round`,
    '',
    ...table([head, ...body]),
    '',
    ...table([memoryHead, ...memory]),
    '',
  ].join('\n');
}

function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}
