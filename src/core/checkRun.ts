import type { Advice } from './loadAdvice.js';
import type { LoadProblem, ModuleOutcome } from './simulateLoad.js';

/** One release's answer to `mesos-matrix check`. */
export interface CheckVerdict {
  readonly mesos: string;
  readonly ok: boolean;
  /** What Mesos prints after "Error loading modules: " (or the flag error), `null` when it loads. */
  readonly error: string | null;
  readonly problems: ReadonlyArray<LoadProblem & { readonly advice: Advice }>;
  readonly modules: readonly ModuleOutcome[];
  /** What Mesos logs as warnings while reading the flags (`LOG(WARNING)`), in order. */
  readonly logged?: readonly string[];
}

export interface CheckRun {
  readonly verdicts: readonly CheckVerdict[];
  /** Whether one release was asked for (`--mesos`): the JSON is then one object, not an array. */
  readonly single: boolean;
}

/** 0 when every checked release loads the configuration, 1 when one would refuse it. */
export function checkExitCode(run: CheckRun): 0 | 1 {
  return run.verdicts.every((verdict) => verdict.ok) ? 0 : 1;
}
