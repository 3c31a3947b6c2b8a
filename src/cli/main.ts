import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { isExpectedError } from '../core/errors.js';
import type { CliIo } from './cliIo.js';
import { checkCommand } from './commands/checkCommand.js';
import { diffCommand } from './commands/diffCommand.js';
import { gateCommand } from './commands/gateCommand.js';
import { generateCommand } from './commands/generateCommand.js';
import { initCommand } from './commands/initCommand.js';
import { inspectCommand } from './commands/inspectCommand.js';
import { listCommand } from './commands/listCommand.js';
import { matrixCommand } from './commands/matrixCommand.js';
import { mergeCommand } from './commands/mergeCommand.js';
import { planCommand } from './commands/planCommand.js';
import { addHelpTexts } from './helpText.js';

/** Runs one command line and returns the exit code: 0 as expected, 1 findings, 2 usage/configuration/toolchain, 3 internal. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command('mesos-matrix')
    .description('Which Apache Mesos releases load which module builds, and why — on real compiled dynlibs.')
    .version((createRequire(import.meta.url)('../../package.json') as { version: string }).version)
    // Before or after the command, as picocolors and vitest take them (see color.ts).
    .option('--color', 'colour the output even when it is not a terminal (or FORCE_COLOR=1)')
    .option('--no-color', 'never colour the output (or NO_COLOR=1)')
    .exitOverride()
    // commander's own refusals read like every other usage error of this tool.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`mesos-matrix: usage error: ${text.replace(/^error: /, '')}`) })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('  → run mesos-matrix --help for usage');
  matrixCommand(program, io, setExitCode);
  listCommand(program, io);
  generateCommand(program, io, setExitCode);
  diffCommand(program, io);
  checkCommand(program, io, setExitCode);
  inspectCommand(program, io, setExitCode);
  initCommand(program, io);
  planCommand(program, io);
  mergeCommand(program, io, setExitCode);
  gateCommand(program, io, setExitCode);
  addHelpTexts(program);
  // A command's own usage is where to look after a mistake in its options or arguments.
  for (const command of program.commands) command.showHelpAfterError(`  → run mesos-matrix ${command.name()} --help for usage`);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; anything else commander rejects is usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isExpectedError(error)) {
      io.stderr(`mesos-matrix: ${error.kind} error: ${error.message}\n  → ${error.hint}\n`);
      return 2;
    }
    io.stderr(`mesos-matrix: internal error (a bug in mesos-module-matrix, please report it):\n${(error as Error).stack ?? String(error)}\n`);
    return 3;
  }
}
