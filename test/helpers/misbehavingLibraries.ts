import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { buildFixtures } from '../../src/compile/buildFixtures.js';
import { findCompiler } from '../../src/compile/findCompiler.js';
import { PROTOCOL_FD } from '../../src/loader/probeProtocol.js';

/**
 * Really compiles test/fixtures/libraries/misbehaving.cpp once per behaviour (its `#define`s),
 * each exporting `symbol(behaviour)` as its module; returns each library's path by behaviour.
 */
export async function buildMisbehaving<B extends string>(behaviours: readonly B[], cacheDir: string, symbol?: (behaviour: B) => string): Promise<Map<B, string>> {
  const source = readFileSync(path.join(PACKAGE_ROOT, 'test', 'fixtures', 'libraries', 'misbehaving.cpp'), 'utf8');
  const requests = behaviours.map((behaviour) => {
    const text = `#define ${behaviour} 1\n#define PROTOCOL_FD ${PROTOCOL_FD}\n${symbol ? `#define MODULE_SYMBOL ${symbol(behaviour)}\n` : ''}${source}`;
    return { id: behaviour, recipe: text, render: async () => text, fileName: `lib${behaviour.toLowerCase()}.so` };
  });
  const built = await buildFixtures(requests, { compiler: await findCompiler(process.env, cacheDir), cacheDir, jobs: 2 });
  const libraries = new Map<B, string>();
  for (const behaviour of behaviours) {
    const outcome = built.get(behaviour);
    if (outcome?.status !== 'compiled' && outcome?.status !== 'cached') throw new Error(`${behaviour} did not compile: ${outcome?.status === 'failed' ? outcome.stderr : 'no outcome'}`);
    libraries.set(behaviour, outcome.library);
  }
  return libraries;
}
