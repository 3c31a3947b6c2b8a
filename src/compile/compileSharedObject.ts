import { createHash } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ToolchainError } from '../core/errors.js';
import type { Compiler } from './findCompiler.js';
import { makeDirectory } from '../fs/makeDirectory.js';

/**
 * Compiles one C++ source into a shared object named `fileName` (with `soname` as its SONAME
 * when given) in a folder of `cacheDir` named by the hash of everything that shapes it, so that
 * the same stand-ins are built once. Written under a private name and renamed into place: a
 * concurrent run never sees half a library. A failure is a toolchain error showing the first
 * lines the compiler printed.
 */
export async function compileSharedObject(compiler: Compiler, cacheDir: string, request: { source: string; fileName: string; soname?: string; what: string }): Promise<string> {
  const args = ['-std=c++11', '-shared', '-fPIC', '-O0', '-g0', '-w', ...(request.soname ? [`-Wl,-soname,${request.soname}`] : [])];
  const key = createHash('sha256').update(JSON.stringify([compiler.identity, compiler.command, args, request.fileName, request.source])).digest('hex').slice(0, 16);
  const folder = path.join(cacheDir, 'stand-ins', key);
  const output = path.join(folder, request.fileName);
  if (await stat(output).then((info) => info.size > 0, () => false)) return output;
  await makeDirectory(folder);
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const source = path.join(folder, `source-${unique}.cpp`);
  const partial = path.join(folder, `${request.fileName}.${unique}.tmp`);
  await writeFile(source, request.source);
  const { execa } = await import('execa');
  const [command = 'c++', ...leading] = compiler.command;
  const result = await execa(command, [...leading, ...args, '-x', 'c++', source, '-o', partial], { reject: false, timeout: 120_000, stdin: 'ignore' });
  await rm(source, { force: true });
  if (result.failed) {
    await rm(partial, { force: true });
    throw new ToolchainError(
      `the C++ compiler could not build ${request.what}: ${String(result.stderr || result.shortMessage).split('\n').slice(0, 5).join('\n')}`,
      'check that $CXX (or c++) builds shared libraries here: `c++ -shared -fPIC` must work',
    );
  }
  await rename(partial, output);
  return output;
}
