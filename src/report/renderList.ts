import { cellId, type MatrixPlan } from '../core/planMatrix.js';

import type { ListFormat } from './formats.js';

/** What a selection yields, with the identifiers `--only` takes. */
export function listSelection(plan: MatrixPlan) {
  return {
    releases: plan.hosts.map((release) => release.release),
    kinds: [...new Set(plan.rows.map((fixture) => fixture.kind))].sort(),
    fixtures: plan.rows.map((fixture) => fixture.id),
    cells: plan.rows.flatMap((fixture) => plan.hosts.map((release) => cellId(fixture.id, release.release))),
    documentedRows: plan.scenarioRows.map((row) => row.id),
  };
}

export const LIST_RENDERERS = {
  json: (plan) => `${JSON.stringify(listSelection(plan), null, 2)}\n`,
  text: (plan) => {
    const list = listSelection(plan);
    return [
      `releases (${list.releases.length}): ${list.releases.join(' ')}`,
      `kinds (${list.kinds.length}): ${list.kinds.join(' ')}`,
      `fixtures (${list.fixtures.length}): one per kind each release registers`,
      `cells (${list.cells.length}) and documented rows (${list.documentedRows.length}); run one with --only <id>:`,
      ...list.cells,
      ...list.documentedRows,
      '',
    ].join('\n');
  },
} as const satisfies Record<ListFormat, (plan: MatrixPlan) => string>;
