import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { MAX_TIMER_MS, parseDuration } from '../core/parseDuration.js';
import type { SelectionOptions } from '../core/selectMatrix.js';
import type { CliIo } from './cliIo.js';
import { defaultCacheDir, projectPaths, type ProjectPaths } from '../app/paths.js';

type Raw = Record<string, unknown>;

/** `--root`, `--table`, `--cache-dir`: which project's table and templates, and where derived files are kept. */
export function addTableOptions(command: Command): Command {
  return command
    .option('--root <dir>', "a project holding versions/ (and optionally templates/), as mesos-matrix init lays it out (default: this package's own)")
    .option('--table <dir>', 'the version table folder (default: <root>/versions)')
    .option('--cache-dir <dir>', 'where compiled fixtures and validators are kept (env MESOS_MATRIX_CACHE; default: node_modules/.cache/mesos-matrix of the project)');
}

/** `--releases <spec>`: a set, a list or a semver range. */
export function addReleasesOption(command: Command, fallback = 'default', what = 'the releases'): Command {
  return command.option('--releases <spec>', `${what}: a set (default, all), a list (0.24.1,0.25.0) or a semver range (">=0.23.1 <0.27.0")`, fallback);
}

/** `--releases`, `--kinds` (and `--only`), with the table options: how commands pick from the version table. */
export function addSelectionOptions(command: Command, only = true, releases = 'default'): Command {
  addReleasesOption(addTableOptions(command), releases).option('--kinds <list>', 'only these kinds, comma-separated (default: every kind of the selected releases)');
  if (only) command.option('--only <cell>', 'exactly one cell (Isolator/0.24.1@0.25.0) or documented row (documented#4); see mesos-matrix list');
  return command;
}

/** `--what-if Kind=version` (repeatable): only where kind tables are put to the test. */
export function addWhatIfOption(command: Command): Command {
  return command.option('--what-if <Kind=version>', "set a kind's minimum in every selected host, as a maintainer considering a change would (repeatable)", (value: string, previous: string[]) => [...previous, value], [] as string[]);
}

/** The selection and the project it reads: `tableDir`, `templatesDir` and `root` resolved. */
export function selectionFrom(raw: Raw): SelectionOptions & ProjectPaths {
  return {
    releases: String(raw['releases']),
    kinds: optionalString(raw['kinds']),
    only: optionalString(raw['only']),
    whatIf: Array.isArray(raw['whatIf']) ? raw['whatIf'].map(String) : [],
    ...projectFrom(raw),
  };
}

/** `--root` and `--table`, resolved against the current directory. */
export function projectFrom(raw: Raw): ProjectPaths {
  return projectPaths(optionalString(raw['root']), optionalString(raw['table']), process.cwd());
}

/** `--jobs`, `--timeout`: how fixtures are built and opened. */
export function addBuildOptions(command: Command): Command {
  return command
    .option('--jobs <n>', 'compilers and library probes at once', String(availableParallelism()))
    .option('--timeout <duration>', 'how long dlopen, a lookup or compatible() may take before it counts as hung: 10s, 1.5s, 500ms, or a number of milliseconds', '10s');
}

export function buildFrom(raw: Raw, io: CliIo): { jobs: number; timeoutMs: number; cacheDir: string } {
  return {
    jobs: positiveInteger('--jobs', raw['jobs']),
    timeoutMs: duration('--timeout', raw['timeout']),
    cacheDir: cacheDirFrom(raw, io),
  };
}

/** `--cache-dir`, else `MESOS_MATRIX_CACHE`, else the cache of the project of `--root` or of the current directory. */
export function cacheDirFrom(raw: Raw, io: CliIo): string {
  const given = optionalString(raw['cacheDir']) ?? nonEmpty(io.env['MESOS_MATRIX_CACHE']);
  if (given !== undefined) return path.resolve(given);
  const root = optionalString(raw['root']);
  return defaultCacheDir(root === undefined ? process.cwd() : path.resolve(root), io.env);
}

/**
 * `--format`, one of `formats`; `aliases` are accepted too and read as the format they name
 * (`matrix --format table` is `text`, as every other command calls the human format).
 */
export function formatOption<T extends readonly string[]>(formats: T, fallback: T[number], aliases: Readonly<Record<string, T[number]>> = {}): Option {
  return new Option('--format <format>', 'output format')
    .choices(formats)
    .default(fallback)
    .argParser((value: string) => {
      const format = aliases[value] ?? value;
      if (!formats.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.`);
      return format;
    });
}

function optionalString(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** A duration given for `flag` (`parseDuration`), in ms, else a usage error saying what is accepted. */
function duration(flag: string, value: unknown): number {
  const result = parseDuration(String(value));
  if (result.ok) return result.ms;
  throw new UsageError(
    `${flag}: ${result.error}`,
    `give seconds or milliseconds with a unit (${flag} 10s, ${flag} 1.5s, ${flag} 500ms) or a whole number of milliseconds, from 1 ms to ${MAX_TIMER_MS} ms`,
  );
}

/** A whole number >= 1 given for `flag`, else a usage error. */
export function positiveInteger(flag: string, value: unknown): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} takes a whole number >= 1, got ${JSON.stringify(value)}`, `for example ${flag} 4`);
  return number;
}
