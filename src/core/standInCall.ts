/**
 * What a `--stub-missing` stand-in prints before it aborts, when a module calls a symbol this
 * machine lacks while it opens (`mesos::version()` in a static constructor, say). A real master or
 * agent defines that symbol, so the crash is the stand-in's, not one Mesos would have: the advice
 * must say so rather than "Mesos would crash the same way".
 */
export const STAND_IN_CALLED = 'mesos-matrix --stub-missing: the library called ';

/** The symbol a stand-in reported being called in a crash message, if one did. */
export function standInCalled(message: string): string | null {
  const at = message.indexOf(STAND_IN_CALLED);
  if (at < 0) return null;
  return /^[^\s,]+/.exec(message.slice(at + STAND_IN_CALLED.length))?.[0] ?? null;
}

/** The advice for such a crash: an artefact of the stand-ins, which Mesos would not meet. */
export function standInCallAdvice(symbol: string): string {
  return `the module called ${symbol} while it was opened, which only a stand-in of --stub-missing defines here: a Mesos master or agent defines it, so Mesos would not crash this way — the manifest cannot be read without Mesos's own library (run mesos-matrix where libmesos is installed)`;
}
