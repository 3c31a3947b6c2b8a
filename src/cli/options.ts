import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { SelectionOptions } from '../core/selectMatrix.js';
import type { CliIo } from './cliIo.js';
import { DEFAULT_CACHE_DIR, DEFAULT_TABLE_DIR } from '../app/paths.js';

type Raw = Record<string, unknown>;

/** `--table`, `--cache-dir`: where the version table is, and where derived files are kept. */
export function addTableOptions(command: Command): Command {
  return command
    .option('--table <dir>', 'the version table folder', DEFAULT_TABLE_DIR)
    .option('--cache-dir <dir>', 'where compiled fixtures and validators are kept (env MESOS_MATRIX_CACHE)');
}

/** `--releases`, `--kinds`, `--only`, `--table`: how every command picks from the version table. */
export function addSelectionOptions(command: Command, only = true): Command {
  addTableOptions(command)
    .option('--releases <spec>', 'a set (default, all), a list (0.24.1,0.25.0) or a semver range (">=0.23.1 <0.27.0")', 'default')
    .option('--kinds <list>', 'only these kinds, comma-separated (default: every kind of the selected releases)');
  if (only) {
    command
      .option('--only <cell>', 'exactly one cell (Isolator/0.24.1@0.25.0) or documented row (documented#4); see mesos-matrix list')
      .option('--what-if <Kind=version>', "set a kind's minimum in every selected host, as a maintainer considering a change would (repeatable)", (value: string, previous: string[]) => [...previous, value], [] as string[]);
  }
  return command;
}

export function selectionFrom(raw: Raw): SelectionOptions & { tableDir: string } {
  return {
    releases: String(raw['releases']),
    kinds: optionalString(raw['kinds']),
    only: optionalString(raw['only']),
    whatIf: Array.isArray(raw['whatIf']) ? raw['whatIf'].map(String) : [],
    tableDir: tableDirFrom(raw),
  };
}

export function tableDirFrom(raw: Raw): string {
  return path.resolve(String(raw['table']));
}

/** `--jobs`, `--timeout`, `--cache-dir`: how fixtures are built and opened. */
export function addBuildOptions(command: Command): Command {
  return command
    .option('--jobs <n>', 'compilers and library probes at once', String(availableParallelism()))
    .option('--timeout <ms>', 'how long dlopen, a lookup or compatible() may take before it counts as hung', '10000');
}

export function buildFrom(raw: Raw, io: CliIo): { jobs: number; timeoutMs: number; cacheDir: string } {
  return {
    jobs: positiveInteger('--jobs', raw['jobs']),
    timeoutMs: positiveInteger('--timeout', raw['timeout']),
    cacheDir: cacheDirFrom(raw, io),
  };
}

export function cacheDirFrom(raw: Raw, io: CliIo): string {
  return path.resolve(String(raw['cacheDir'] ?? io.env['MESOS_MATRIX_CACHE'] ?? DEFAULT_CACHE_DIR));
}

export function formatOption<T extends readonly string[]>(formats: T, fallback: T[number]): Option {
  return new Option('--format <format>', 'output format').choices(formats).default(fallback);
}

function optionalString(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}

function positiveInteger(flag: string, value: unknown): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a whole number >= 1, got ${JSON.stringify(value)}`, `for example ${flag} 4`);
  return number;
}
