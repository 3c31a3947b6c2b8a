import type { CheckRun, CheckVerdict } from '../core/checkRun.js';

/** What Mesos prints when it refuses: `Error loading modules: …`, or the flag error as it stands. */
export function mesosPrints(verdict: CheckVerdict): string {
  // Only --strict refuses what Mesos loads.
  if (verdict.error === null) return verdict.problems.length === 0 ? '' : `loads in Mesos, refused by --strict: ${verdict.problems[0]?.message}`;
  return verdict.problems[0]?.stage === 'flags' ? verdict.error : `Error loading modules: ${verdict.error}`;
}

/** `Loads on 2 of 3 releases: 0.25.0 0.26.0`, or that no release loads it. */
export function checkSummary(run: CheckRun): { readonly ok: boolean; readonly text: string } {
  const loading = run.verdicts.filter((verdict) => verdict.ok).map((verdict) => verdict.mesos);
  const ok = loading.length === run.verdicts.length;
  if (loading.length === 0) return { ok, text: `No release of the ${run.verdicts.length} checked loads this configuration.` };
  return { ok, text: `Loads on ${loading.length} of ${run.verdicts.length} release${run.verdicts.length === 1 ? '' : 's'}: ${loading.join(' ')}` };
}
