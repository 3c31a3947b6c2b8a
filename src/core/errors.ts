/**
 * The only faults that are thrown (findings are data). Each carries what to do about it; the
 * CLI catches them once and exits 2 (architecture.md, "Exit codes").
 */
abstract class MatrixError extends Error {
  abstract readonly kind: 'usage' | 'configuration' | 'toolchain';
  constructor(
    message: string,
    /** One line telling the user what to do. */
    readonly hint: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong arguments: an unknown command, release, kind or option value. */
export class UsageError extends MatrixError {
  readonly kind = 'usage' as const;
}

/** Unusable input files: not JSON, or not what their schema says. */
export class ConfigError extends MatrixError {
  readonly kind = 'configuration' as const;
}

/** The machine lacks what the run needs: no working C++ compiler, no koffi. */
export class ToolchainError extends MatrixError {
  readonly kind = 'toolchain' as const;
}

export type ExpectedError = UsageError | ConfigError | ToolchainError;

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof UsageError || error instanceof ConfigError || error instanceof ToolchainError;
}
