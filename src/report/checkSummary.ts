import type { CheckRun, CheckVerdict } from '../core/checkRun.js';

type Problem = CheckVerdict['problems'][number];

/**
 * A verdict's problems as reports show them: what refuses the configuration (Mesos's problems,
 * the one it stops at first, then --strict's), and the notes beside the verdict (a library that
 * left processes running, which Mesos loads all the same).
 */
export function splitProblems(verdict: CheckVerdict): { readonly refusals: readonly Problem[]; readonly notes: readonly Problem[] } {
  return { refusals: verdict.problems.filter((problem) => problem.stage !== 'left-processes'), notes: verdict.problems.filter((problem) => problem.stage === 'left-processes') };
}

/** `'lib' · module · stage: message`, a problem on one line (the library unquoted where quotes are noise, as in JUnit). */
export function problemLine(problem: Problem, quote = true): string {
  const library = problem.library === null || !quote ? problem.library : `'${problem.library}'`;
  return `${[library, problem.module].filter(Boolean).join(' · ')} · ${problem.stage}: ${problem.message}`;
}

/** What Mesos prints when it refuses: `Error loading modules: …`, or the flag error as it stands. */
export function mesosPrints(verdict: CheckVerdict): string {
  // Only --strict refuses what Mesos loads.
  if (verdict.error === null) {
    const strict = verdict.problems.find((problem) => problem.stage === 'strict');
    return strict === undefined ? '' : `loads in Mesos, refused by --strict: ${strict.message}`;
  }
  return verdict.problems[0]?.stage === 'flags' ? verdict.error : `Error loading modules: ${verdict.error}`;
}

/** `Loads on 2 of 3 releases: 0.25.0 0.26.0`, or that no release loads it. */
export function checkSummary(run: CheckRun): { readonly ok: boolean; readonly text: string } {
  const loading = run.verdicts.filter((verdict) => verdict.ok).map((verdict) => verdict.mesos);
  const ok = loading.length === run.verdicts.length;
  if (loading.length === 0) return { ok, text: `No release of the ${run.verdicts.length} checked loads this configuration.` };
  return { ok, text: `Loads on ${loading.length} of ${run.verdicts.length} release${run.verdicts.length === 1 ? '' : 's'}: ${loading.join(' ')}` };
}

/** What Mesos logs as a warning while it reads the flags (`logged`), each text once with the releases that log it. */
export function mesosWarnings(run: CheckRun): Array<{ readonly text: string; readonly releases: readonly string[] }> {
  const byText = new Map<string, string[]>();
  for (const verdict of run.verdicts) for (const text of verdict.logged ?? []) byText.set(text, [...(byText.get(text) ?? []), verdict.mesos]);
  return [...byText].map(([text, releases]) => ({ text, releases }));
}
