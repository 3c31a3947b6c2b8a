import { execa } from 'execa';
import { ToolchainError } from '../core/errors.js';

/** The C++ compiler fixtures are built with, and what identifies its output for the cache. */
export interface Compiler {
  /** The command and its leading arguments (`$CXX` may be `ccache g++`). */
  readonly command: readonly string[];
  /** `--version` output: part of every cache key, so a compiler upgrade rebuilds. */
  readonly identity: string;
}

/** `$CXX`, else `c++`, checked by running `--version`. Missing or broken is a toolchain error (exit 2). */
export async function findCompiler(env: NodeJS.ProcessEnv = process.env): Promise<Compiler> {
  const fromEnv = env['CXX']?.trim();
  const command = fromEnv ? fromEnv.split(/\s+/) : ['c++'];
  const [file = 'c++', ...leading] = command;
  const shown = fromEnv ? `CXX=${fromEnv}` : 'c++';
  const result = await execa(file, [...leading, '--version'], { reject: false, timeout: 30_000 });
  if (result.failed) {
    const missing = (result as { code?: string }).code === 'ENOENT';
    throw new ToolchainError(
      missing
        ? `no C++ compiler found: ${shown} is not on the PATH`
        : `the C++ compiler does not work: \`${[...command, '--version'].join(' ')}\` ${result.exitCode === undefined ? 'failed' : `exited with ${result.exitCode}`}${result.stderr ? `: ${result.stderr.split('\n')[0]}` : ''}`,
      fromEnv ? 'set CXX to a working C++ compiler, or unset it to use c++' : 'install one (Debian/Ubuntu: `apt-get install g++`) or set CXX',
    );
  }
  return { command, identity: result.stdout };
}
