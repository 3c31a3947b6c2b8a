import { compilerArgs } from './compilerArgs.js';
import type { Compiler } from './findCompiler.js';

/** One compiler run, as data: a failure is an outcome, with what the compiler said. */
export interface CompilerRun {
  readonly durationMs: number;
  readonly failed: boolean;
  readonly stderr: string;
}

/** Compiles `source` into the shared object `output` with the fixture flags. */
export async function runCompiler(compiler: Compiler, source: string, output: string): Promise<CompilerRun> {
  const started = performance.now();
  const [file = 'c++', ...leading] = compiler.command;
  const { execa } = await import('execa');
  const result = await execa(file, [...leading, ...compilerArgs(source, output)], { reject: false, stdin: 'ignore', timeout: 120_000 });
  const stderr = result.failed ? result.stderr || result.stdout || String(result.message) : '';
  return { durationMs: Math.round(performance.now() - started), failed: result.failed, stderr };
}

/** The compiler's first error line (or its first line at all): what a one-line message shows. */
export function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /\berror\b/i.test(line)) ?? lines[0] ?? 'no output';
}
