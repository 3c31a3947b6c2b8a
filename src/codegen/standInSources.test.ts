import { describe, expect, it } from 'vitest';
import { preloaderSource, STAND_IN_STATUS_SYMBOL, symbolStandInSource } from './standInSources.js';

describe('symbolStandInSource', () => {
  it('defines each symbol under its exact (mangled) name: data as storage, functions that say who was called and abort', () => {
    const { source, skipped } = symbolStandInSource([
      { name: '_ZTIN5mesos5slave8IsolatorE', type: 'object' },
      { name: '_ZN5mesos7versionEv', type: 'func' },
      { name: '_ZN5mesos8internal5stateE', type: 'tls' },
      { name: 'bad name"; system("x")', type: 'func' },
    ]);
    expect(skipped).toEqual(['bad name"; system("x")']);
    expect(source).toContain('extern char mesos_module_matrix_0[4096] __asm__("_ZTIN5mesos5slave8IsolatorE");');
    expect(source).toContain('void mesos_module_matrix_1() __asm__("_ZN5mesos7versionEv");');
    expect(source).toContain('void mesos_module_matrix_1() { mesos_module_matrix_called("_ZN5mesos7versionEv"); }');
    expect(source).toContain('extern __thread char mesos_module_matrix_2[256] __asm__("_ZN5mesos8internal5stateE");');
    expect(source).not.toContain('system(');
  });
});

describe('preloaderSource', () => {
  it('opens each stand-in RTLD_GLOBAL in order and exports a manifest-shaped status', () => {
    const source = preloaderSource(['/cache/stand-ins/a/libmesos-0.25.0.so', '/cache/stand-ins/b/libmesos-module-matrix-symbols.so']);
    expect(source).toContain('{"/cache/stand-ins/a/libmesos-0.25.0.so", "/cache/stand-ins/b/libmesos-module-matrix-symbols.so"}');
    expect(source).toContain('dlopen(mesos_module_matrix_paths[i], RTLD_NOW | RTLD_GLOBAL)');
    expect(source).toContain(`mesos_module_matrix_status ${STAND_IN_STATUS_SYMBOL} = {{"2", "", "stand-ins", "", "", ""}, 0, 0};`);
  });
});
