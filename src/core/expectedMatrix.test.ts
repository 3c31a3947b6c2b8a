import { describe, expect, it } from 'vitest';
import type { MatrixCell, MatrixResult } from './evaluateMatrix.js';
import { unrecordableCells } from './expectedMatrix.js';
import { STAGES, type Stage } from './stage.js';

const cell = (stage: Stage): MatrixCell => ({ id: `Isolator/0.24.1@${stage}`, observed: { loadable: stage === 'loaded', stage, message: '' } }) as unknown as MatrixCell;

describe('unrecordableCells', () => {
  // What a release decides is recorded; what our build or prober met is not (issue 10 §3).
  it.each(STAGES.map((stage) => [stage, ['compile', 'crash', 'timeout', 'protocol'].includes(stage)] as const))('%s: refused %s', (stage, refused) => {
    const result = { cells: [cell('loaded'), cell(stage)] } as unknown as MatrixResult;
    expect(unrecordableCells(result).map((each) => each.observed.stage)).toEqual(refused ? [stage] : []);
  });
});
