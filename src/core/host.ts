import type { VersionGrammar } from './stoutVersion.js';

/**
 * The switches of a release's module loader that differ between releases
 * (loader-facts §6–§10). Every field is resolved: nothing past the boundary is optional.
 */
export interface LoaderRules {
  /** `legacy` up to 1.2.0, `semver` from 1.2.1 (§9). */
  readonly versionParser: VersionGrammar['parser'];
  /** stout numify reads `0x…` components from 0.27.0 (§9). */
  readonly hexComponents: boolean;
  /**
   * `reject-before-lookup`: a repeated name fails before the symbol lookup (<= 0.27.x);
   * `accept-identical-misspelled`: identical re-declarations pass, others fail with the
   * "this is  potenatially due to" text (0.28.0 – 1.7.x); `accept-identical`: the same with
   * the text fixed (1.8.0 on) (§7).
   */
  readonly duplicateModules: 'reject-before-lookup' | 'accept-identical-misspelled' | 'accept-identical';
  /** 0.21.x prints `Error opening library: '<lib>'` without dlerror (§6). */
  readonly openErrorDetail: boolean;
  /** `--modules_dir` exists from 1.0.0 (§7). */
  readonly modulesDir: boolean;
}

/** A Mesos master or agent: a real release, or a hypothetical one a scenario describes. */
export interface Host {
  /** `MESOS_VERSION` exactly as the release prints it. */
  readonly mesos: string;
  readonly moduleApiVersion: string;
  /** `kindToVersion`: kind → minimum version as written. A Map: kind names come from libraries. */
  readonly kinds: ReadonlyMap<string, string>;
  readonly loader: LoaderRules;
}

export function grammarOf(rules: LoaderRules): VersionGrammar {
  return { parser: rules.versionParser, hexComponents: rules.hexComponents };
}
