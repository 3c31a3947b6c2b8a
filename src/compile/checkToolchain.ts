import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ToolchainError } from '../core/errors.js';
import { firstError, runCompiler } from './runCompiler.js';
import type { Compiler } from './findCompiler.js';
import { missingExports } from './missingExports.js';

const PROBE_SYMBOL = 'mesos_matrix_toolchain_probe';

// What every fixture is made of, and nothing a template or a table can break: namespaces, an
// abstract class with a virtual destructor, a template with a variadic constructor, an
// anonymous namespace, and a global object built by its constructor at dlopen, exported
// unmangled. A compiler that fails on this fails on every fixture.
const PROBE_SOURCE = `namespace probe {
struct Base { virtual ~Base() {} virtual int value() const = 0; };
template <typename T> struct Holder {
  template <typename... A> Holder(const char* name, T* (*create)(), A&&...) : name(name), create(create) {}
  const char* name;
  T* (*create)();
};
namespace { struct Implementation : public Base { int value() const override { return 1; } }; }
namespace { Base* create() { return new Implementation(); } }
} // namespace probe
extern "C" { extern probe::Holder<probe::Base> ${PROBE_SYMBOL}; }
probe::Holder<probe::Base> ${PROBE_SYMBOL}("probe", probe::create, 0);
`;

/**
 * Tells a broken toolchain from a fixture that does not compile. Run once a fixture failed
 * (never on a run where every compile succeeds, so warm and clean runs pay nothing): compiles
 * a known-good source with the same command and flags, in a private folder outside the cache.
 * When that fails too, or its output lacks the symbol it defines, the compiler is broken: a
 * {@link ToolchainError} (exit 2) naming the command and its first error, never a matrix finding.
 */
export async function checkToolchain(compiler: Compiler): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mesos-matrix-toolchain-')).catch((error: NodeJS.ErrnoException) => {
    // The compiler keeps its own scratch files there too (`as` writes its objects to TMPDIR).
    throw new ToolchainError(`the temporary folder ${tmpdir()} cannot be written (${error.code ?? error.message}), and the C++ compiler needs it`, 'set TMPDIR to a writable folder with free space');
  });
  try {
    const source = path.join(dir, 'probe.cpp');
    const library = path.join(dir, 'libprobe.so');
    await writeFile(source, PROBE_SOURCE);
    const run = await runCompiler(compiler, source, library);
    const problem = run.failed ? firstError(run.stderr) : missingExports(await readFile(library), [PROBE_SYMBOL]);
    if (problem === null) return;
    throw new ToolchainError(
      `the C++ compiler \`${compiler.command.join(' ')}\` fails on a source that always compiles, so no fixture can be built: ${run.failed ? problem : `its output is broken: ${problem}`}`,
      'fix the compiler, or point CXX at a working one (e.g. CXX=g++); nothing was judged',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
