import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { CliIo } from './cliIo.js';
import { useColor } from './color.js';
import { formatOption } from './options.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/** Where and how a command's report goes, as `--format`, `--output` and `--no-step-summary` give it. */
export interface ReportTarget {
  readonly format: ReportFormat;
  /** `--output <file>` as given (resolved against the working directory when written), or stdout. */
  readonly output: string | undefined;
  /** Whether to append the Markdown report to `$GITHUB_STEP_SUMMARY` when that is set. */
  readonly stepSummary: boolean;
}

/**
 * `--format text|json|markdown|junit|github|html`, `--output <file>`, `--no-step-summary`: the
 * report options of every command that renders a result (matrix, check, diff, and the gate).
 */
export function addReportOptions(command: Command, aliases: Readonly<Record<string, ReportFormat>> = {}): Command {
  return command
    .addOption(formatOption(REPORT_FORMATS, 'text', aliases))
    .option('--output <file>', 'write the report to this file (parent folders are created) instead of stdout')
    .option('--no-step-summary', 'do not append the Markdown report to $GITHUB_STEP_SUMMARY (appended whatever --format is, when that variable is set)');
}

export function reportTargetFrom(raw: Record<string, unknown>): ReportTarget {
  return { format: raw['format'] as ReportFormat, output: raw['output'] === undefined ? undefined : String(raw['output']), stepSummary: raw['stepSummary'] !== false };
}

/** Colour for a report: never into a file or a non-terminal unless asked (`--color`, `FORCE_COLOR`). */
export function reportColor(command: Command, io: CliIo, target: ReportTarget): boolean {
  const flag = command.optsWithGlobals()['color'];
  return useColor(typeof flag === 'boolean' ? flag : undefined, io.env, target.output === undefined && io.isTTY);
}

/**
 * Writes the report in the chosen format to `--output` or stdout, then, in a GitHub Actions job
 * (`$GITHUB_STEP_SUMMARY` set and not `--no-step-summary`), appends its Markdown form to the
 * job summary. A file that cannot be written is a configuration error (exit 2) naming it.
 */
export async function writeReport(io: CliIo, target: ReportTarget, render: (format: ReportFormat) => string): Promise<void> {
  const text = render(target.format);
  if (target.output === undefined) io.stdout(text);
  else {
    const file = path.resolve(target.output);
    await makeDirectory(path.dirname(file))
      .then(() => writeFile(file, text))
      .catch((error: NodeJS.ErrnoException) => {
        throw new ConfigError(`cannot write --output ${target.output}: ${error.code ?? error.message}${error.path && error.path !== file ? ` at ${error.path}` : ''}`, 'give a file in a writable folder with --output <file>, or leave it out to print the report');
      });
    io.stderr(`mesos-matrix: wrote the ${target.format} report to ${target.output} (${Math.ceil(Buffer.byteLength(text) / 1024)} KiB)\n`);
  }
  const summary = io.env['GITHUB_STEP_SUMMARY'];
  if (!target.stepSummary || summary === undefined || summary === '') return;
  await appendFile(summary, `${target.format === 'markdown' ? text : render('markdown')}\n`).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot append to $GITHUB_STEP_SUMMARY (${summary}): ${error.code ?? error.message}`, 'unset GITHUB_STEP_SUMMARY, or pass --no-step-summary');
  });
}
