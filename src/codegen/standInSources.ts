import { cppLiteral } from './cppLiteral.js';
import { STAND_IN_CALLED } from '../core/standInCall.js';

/** A symbol a module leaves undefined that no library on this machine defines. */
export interface MissingSymbol {
  readonly name: string;
  readonly type: 'object' | 'func' | 'notype' | 'tls' | 'other';
}

/** The exported symbol of the preloader that says how opening the stand-ins went (its `description`: empty, or dlerror()). */
export const STAND_IN_STATUS_SYMBOL = 'mesos_module_matrix_stand_ins';

/** Names an assembler label can carry as they are (every Itanium-mangled and C name). */
const LABEL = /^[A-Za-z_.$][\w.$]*$/;

/** Room for a data symbol whose size the module does not record (an undefined symbol's st_size is 0). */
const DATA_BYTES = 4096;

/**
 * A stand-in for a needed library that is missing here: it defines nothing; its SONAME (given
 * at link time) is what satisfies the module's `DT_NEEDED`, as glibc matches a needed name
 * against the SONAMEs of libraries already loaded.
 */
export function neededStandInSource(soname: string): string {
  return `// mesos-module-matrix --stub-missing: stands in for ${soname.replace(/[^\w.+-]/g, '_')}, absent on this machine.\n`;
}

/**
 * Defines every symbol in `symbols` under its exact name (an asm label: mangled names cannot be
 * written in C++): data as zeroed storage, functions as a body that says which stand-in was
 * called and aborts, so that a module that calls Mesos while it is opened is a classified crash
 * with that message rather than a silent wrong answer. Names an assembler cannot take are left
 * out and returned.
 */
export function symbolStandInSource(symbols: readonly MissingSymbol[]): { source: string; skipped: string[] } {
  const lines = [
    '// mesos-module-matrix --stub-missing: stands in for symbols that no library on this machine defines.',
    '#include <stdlib.h>',
    '#include <string.h>',
    '#include <unistd.h>',
    'static void mesos_module_matrix_called(const char* name) {',
    `  static const char before[] = ${cppLiteral(STAND_IN_CALLED)};`,
    `  static const char after[] = ${cppLiteral(', a stand-in for a symbol this machine lacks (a Mesos master or agent defines it); stopping\n')};`,
    '  if (write(2, before, sizeof before - 1) < 0 || write(2, name, strlen(name)) < 0 || write(2, after, sizeof after - 1) < 0) abort();',
    '  abort();',
    '}',
    'extern "C" {',
  ];
  const skipped: string[] = [];
  symbols.forEach((symbol, index) => {
    if (!LABEL.test(symbol.name)) return void skipped.push(symbol.name);
    const label = `__asm__(${cppLiteral(symbol.name)})`;
    const local = `mesos_module_matrix_${index}`;
    if (symbol.type === 'object') lines.push(`extern char ${local}[${DATA_BYTES}] ${label};`, `__attribute__((aligned(64))) char ${local}[${DATA_BYTES}] = {0};`);
    else if (symbol.type === 'tls') lines.push(`extern __thread char ${local}[256] ${label};`, `__thread char ${local}[256] = {0};`);
    else lines.push(`void ${local}() ${label};`, `void ${local}() { mesos_module_matrix_called(${cppLiteral(symbol.name)}); }`);
  });
  lines.push('}');
  return { source: `${lines.join('\n')}\n`, skipped };
}

/**
 * A library whose static initialiser opens `standIns` with RTLD_GLOBAL, in order, before any
 * module is opened in the same process: their SONAMEs and symbols then serve every library
 * opened after it, as libmesos serves the modules of a real master or agent. It exports a
 * manifest-shaped status (eight pointers, loader-facts §1–§2) whose `description` is empty when
 * every stand-in opened, else dlerror(), so the prober reads it like any manifest.
 */
export function preloaderSource(standIns: readonly string[]): string {
  return [
    '// mesos-module-matrix --stub-missing: opens the stand-ins globally before the module.',
    '#include <dlfcn.h>',
    '#include <string.h>',
    'extern "C" {',
    'struct mesos_module_matrix_status { const char* strings[6]; void* compatible; void* create; };',
    `mesos_module_matrix_status ${STAND_IN_STATUS_SYMBOL} = {{"2", "", "stand-ins", "", "", ""}, 0, 0};`,
    '}',
    `static const char* const mesos_module_matrix_paths[] = {${standIns.map(cppLiteral).join(', ')}${standIns.length === 0 ? '0' : ''}};`,
    '__attribute__((constructor)) static void mesos_module_matrix_open_stand_ins() {',
    `  for (unsigned i = 0; i < ${standIns.length}; i++) {`,
    '    if (dlopen(mesos_module_matrix_paths[i], RTLD_NOW | RTLD_GLOBAL) == 0) {',
    '      const char* error = dlerror();',
    `      ${STAND_IN_STATUS_SYMBOL}.strings[5] = strdup(error ? error : "dlopen failed");`,
    '      return;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
