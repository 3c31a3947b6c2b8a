import { access, readFile, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { ToolchainError } from '../core/errors.js';
import { writeAtomically } from './fixtureCache.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/** The C++ compiler fixtures are built with, and what identifies its output for the cache. */
export interface Compiler {
  /** The command and its leading arguments (`$CXX` may be `ccache g++`). */
  readonly command: readonly string[];
  /** `--version` output: part of every cache key, so a compiler upgrade rebuilds. */
  readonly identity: string;
}

/**
 * `$CXX`, else `c++`, checked by running `--version`. Missing or broken is a toolchain error
 * (exit 2). The answer is remembered in the cache folder against the resolved executables'
 * size and mtime, so a warm run spawns no compiler at all.
 */
export async function findCompiler(env: Readonly<Record<string, string | undefined>>, cacheDir: string): Promise<Compiler> {
  const fromEnv = env['CXX']?.trim();
  const command = fromEnv ? fromEnv.split(/\s+/) : ['c++'];
  const fingerprint = JSON.stringify([command, await Promise.all(command.map((word) => executableStamp(word, env)))]);
  const memo = path.join(cacheDir, 'compiler.json');
  const remembered = await readMemo(memo);
  if (remembered.fingerprint === fingerprint && typeof remembered.identity === 'string') return { command, identity: remembered.identity };

  const identity = await askVersion(command, fromEnv);
  await makeDirectory(cacheDir);
  // Whole or not at all: a run started alongside reads either no memo or a complete one.
  await writeAtomically(memo, `${JSON.stringify({ fingerprint, identity })}\n`);
  return { command, identity };
}

/** A missing, unreadable or corrupt memo is simply absent. */
async function readMemo(file: string): Promise<{ fingerprint?: unknown; identity?: unknown }> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { fingerprint?: unknown; identity?: unknown };
  } catch {
    return {};
  }
}

async function askVersion(command: readonly string[], fromEnv: string | undefined): Promise<string> {
  const { execa } = await import('execa');
  const [file = 'c++', ...leading] = command;
  const shown = fromEnv ? `CXX=${fromEnv}` : 'c++';
  const result = await execa(file, [...leading, '--version'], { reject: false, timeout: 30_000 });
  if (!result.failed) return result.stdout;
  const missing = (result as { code?: string }).code === 'ENOENT';
  throw new ToolchainError(
    missing
      ? `no C++ compiler found: ${shown} is not on the PATH`
      : `the C++ compiler does not work: \`${[...command, '--version'].join(' ')}\` ${result.exitCode === undefined ? 'failed' : `exited with ${result.exitCode}`}${result.stderr ? `: ${result.stderr.split('\n')[0]}` : ''}`,
    fromEnv ? 'set CXX to a working C++ compiler, or unset it to use c++' : 'install one (Debian/Ubuntu: `apt-get install g++`) or set CXX',
  );
}

/** Size and mtime of the file a command word runs (after PATH search and symlinks), or null. */
async function executableStamp(word: string, env: Readonly<Record<string, string | undefined>>): Promise<[number, number] | null> {
  const candidates = word.includes('/') ? [word] : (env['PATH'] ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, word));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      const info = await stat(await realpath(candidate));
      return [info.size, info.mtimeMs];
    } catch {
      // not here: try the next PATH entry
    }
  }
  return null;
}
