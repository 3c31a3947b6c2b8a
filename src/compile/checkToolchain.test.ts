import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app/paths.js';
import { ToolchainError } from '../core/errors.js';
import { checkToolchain } from './checkToolchain.js';

const compiler = (...command: string[]) => ({ command, identity: 'test' });
const toolchain = (name: string) => path.join(PACKAGE_ROOT, 'test', 'fixtures', 'toolchain', name);

describe('checkToolchain', () => {
  it('passes a working compiler', async () => {
    await expect(checkToolchain(compiler(process.env['CXX'] ?? 'c++'))).resolves.toBeUndefined();
  });

  it('passes a compiler that fails only on one kind of fixture: that is the fixture’s finding', async () => {
    await expect(checkToolchain(compiler(toolchain('cxx-fails-on-hook.sh')))).resolves.toBeUndefined();
  });

  it('names a compiler that rejects its flags, with its first error', async () => {
    const error = await checkToolchain(compiler('c++', '-bogus')).catch((fault: unknown) => fault);
    expect(error).toBeInstanceOf(ToolchainError);
    expect((error as ToolchainError).message).toMatch(/^the C\+\+ compiler `c\+\+ -bogus` fails on a source that always compiles, so no fixture can be built: .*error: .*-bogus/);
    expect((error as ToolchainError).hint).toContain('CXX');
  });

  it('names a compiler whose output is no library', async () => {
    const error = await checkToolchain(compiler(toolchain('cxx-empty-output.sh'))).catch((fault: unknown) => fault);
    expect(error).toBeInstanceOf(ToolchainError);
    expect((error as ToolchainError).message).toContain('its output is broken: not an ELF file (0 bytes)');
  });

  it('names an unwritable temporary folder, which the compiler needs too', async () => {
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = path.join(PACKAGE_ROOT, 'package.json', 'not-a-folder');
    try {
      await expect(checkToolchain(compiler('c++'))).rejects.toThrow(/^the temporary folder .*not-a-folder cannot be written \(ENOTDIR\), and the C\+\+ compiler needs it$/);
    } finally {
      process.env['TMPDIR'] = saved;
    }
  });
});
