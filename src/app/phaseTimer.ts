import type { Phase } from '../core/matrixRun.js';

/** Runs one stage's work and adds its wall time to the phase it belongs to. */
export type Timed = <T>(phase: Phase, work: () => Promise<T> | T) => Promise<T>;

/** A fresh set of phase timings (all zero) and the function that fills them. */
export function createPhaseTimer(): { phasesMs: Record<Phase, number>; timed: Timed } {
  const phasesMs: Record<Phase, number> = { generate: 0, compile: 0, load: 0, verify: 0 };
  const timed: Timed = async (phase, work) => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phasesMs[phase] += Math.round(performance.now() - started);
    }
  };
  return { phasesMs, timed };
}
