/**
 * Where a module's fate was decided. The verify stages follow `ModuleManager::verifyModule`
 * in Mesos's order (loader-facts §5); the library stages are what happens before it.
 */
export const VERIFY_STAGES = [
  'missing-fields',
  'api-version',
  'unknown-kind',
  'version-parse',
  'below-minimum',
  'not-equal',
  'newer',
  'incompatible',
] as const;
export type VerifyStage = (typeof VERIFY_STAGES)[number];

/**
 * Failures before verification: the fixture did not build, dlopen/dlsym failed, the library
 * crashed, exited or hung the process that opened it, or wrote into the prober's protocol.
 */
export const LIBRARY_STAGES = ['compile', 'open', 'symbol', 'crash', 'timeout', 'protocol'] as const;
export type LibraryStage = (typeof LIBRARY_STAGES)[number];

export type Stage = 'loaded' | VerifyStage | LibraryStage;
export const STAGES: readonly Stage[] = ['loaded', ...VERIFY_STAGES, ...LIBRARY_STAGES];

/** A host's decision about one module: `message` is what `load()` returns, empty when it loads. */
export interface Verdict {
  readonly loadable: boolean;
  readonly stage: Stage;
  readonly message: string;
}

export const LOADED: Verdict = { loadable: true, stage: 'loaded', message: '' };
