import { describe, expect, it } from 'vitest';
import type { Host, LoaderRules } from './host.js';
import type { LibraryOutcome } from './libraryOutcome.js';
import type { Manifest } from './manifest.js';
import type { ModulesConfig } from './modulesConfig.js';
import { simulateLoad } from './simulateLoad.js';

const rules = (duplicateModules: LoaderRules['duplicateModules']): LoaderRules => ({
  versionParser: 'legacy',
  hexComponents: true,
  duplicateModules,
  openErrorDetail: true,
  modulesDir: true,
});
const host = (mesos: string, duplicateModules: LoaderRules['duplicateModules'] = 'reject-before-lookup'): Host => ({ mesos, moduleApiVersion: '2', kinds: new Map([['TestModule', mesos]]), loader: rules(duplicateModules) });
const manifest = (mesosVersion: string): Manifest => ({
  moduleApiVersion: '2',
  mesosVersion,
  kind: 'TestModule',
  authorName: 'a',
  authorEmail: 'e',
  description: 'd',
  compatible: { present: true, returned: true },
  create: true,
});
/** libgood.so has module "m" built for 0.27.0; anything else is missing. */
const probed = {
  outcome(library: string, module: string): LibraryOutcome {
    if (library !== 'libgood.so') return { stage: 'open', dlerror: `${library}: cannot open shared object file: No such file or directory` };
    return module === 'm' ? { stage: 'manifest', manifest: manifest('0.27.0') } : { stage: 'symbol', dlerror: `/lib/libgood.so: undefined symbol: ${module}` };
  },
};
const config = (...libraries: ModulesConfig['libraries']): ModulesConfig => ({ libraries });
const good = (modules: ModulesConfig['libraries'][number]['modules']) => ({ file: 'libgood.so', name: null, modules });

describe('simulateLoad', () => {
  it('reports every problem in order; Mesos prints the first', () => {
    const result = simulateLoad(host('0.27.0'), [{ source: null, config: config(good([{ name: 'x', parameters: [] }, { name: 'm', parameters: [] }]), { file: null, name: 'bad', modules: [{ name: 'y', parameters: [] }] }, { file: null, name: null, modules: [] }) }], probed);
    expect(result.error).toBe("Error loading module 'x': Error looking up symbol 'x' in 'libgood.so' : /lib/libgood.so: undefined symbol: x");
    expect(result.problems.map((problem) => problem.stage)).toEqual(['symbol', 'open', 'library-unnamed']);
    expect(result.problems[2]?.message).toBe('Library name or path not provided');
    expect(result.modules.map((module) => [module.name, module.loadable])).toEqual([['x', false], ['m', true], ['y', false]]);
  });

  it('<= 0.27.x: a repeated name fails before the lookup, even when identical', () => {
    const result = simulateLoad(host('0.27.0'), [{ source: null, config: config(good([{ name: 'm', parameters: [] }]), good([{ name: 'm', parameters: [] }])) }], probed);
    expect(result.error).toBe("Error loading duplicate module 'm'");
  });

  it('>= 0.28.0: identical is fine; then the reasons in Mesos order, with the era\'s spelling', () => {
    const same = simulateLoad(host('0.27.0', 'accept-identical'), [{ source: null, config: config(good([{ name: 'm', parameters: [] }]), good([{ name: 'm', parameters: [] }])) }], probed);
    expect(same.ok).toBe(true);
    const parameters = simulateLoad(host('0.27.0', 'accept-identical-misspelled'), [{ source: null, config: config(good([{ name: 'm', parameters: [] }]), good([{ name: 'm', parameters: [{ key: 'k', value: 'v' }] }])) }], probed);
    expect(parameters.error).toBe("Error loading module 'm'; this is  potenatially due to duplicate module names; A module with same name but different parameters already exists");
  });

  it('a duplicate that fails verification reports the verification first (>= 0.28.0)', () => {
    const result = simulateLoad(host('0.28.0', 'accept-identical'), [{ source: null, config: config(good([{ name: 'm', parameters: [] }]), good([{ name: 'm', parameters: [] }])) }], probed);
    expect(result.problems.map((problem) => problem.stage)).toEqual(['below-minimum', 'below-minimum']);
  });

  it('wraps a --modules_dir file\'s errors with its path', () => {
    const result = simulateLoad(host('0.27.0'), [{ source: '/etc/mesos/modules/a.json', config: config(good([{ name: 'x', parameters: [] }])) }], probed);
    expect(result.error).toMatch(/^Error loading modules from '\/etc\/mesos\/modules\/a\.json': Error loading module 'x'/);
  });
});
