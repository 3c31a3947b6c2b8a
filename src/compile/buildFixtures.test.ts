import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';

const statuses = (outcomes: Map<string, { status: string }>) => Object.fromEntries([...outcomes].map(([id, outcome]) => [id, outcome.status]));

describe('buildFixtures and its cache', () => {
  it('compiles once, then finds everything cached', async () => {
    const cache = temporaryDir('cache');
    const specs = [variant('a', {}), variant('b', { declared: { mesosVersion: '0.24.1' } })];
    expect(statuses(await compileFixtures(specs, cache))).toEqual({ a: 'compiled', b: 'compiled' });
    expect(statuses(await compileFixtures(specs, cache))).toEqual({ a: 'cached', b: 'cached' });
  });

  it('compiles byte-identical fixtures once', async () => {
    const cache = temporaryDir('cache');
    const outcomes = await compileFixtures([variant('first', {}), variant('second', {})], cache);
    expect(outcomes.get('first')).toEqual(outcomes.get('second'));
    expect(readdirSync(path.join(cache, 'fixtures'))).toHaveLength(1);
  });

  it('recompiles only what changed', async () => {
    const cache = temporaryDir('cache');
    await compileFixtures([variant('a', {}), variant('b', {})], cache);
    const changed = await compileFixtures([variant('a', {}), variant('b', { declared: { description: 'changed' } })], cache);
    expect(statuses(changed)).toEqual({ a: 'cached', b: 'compiled' });
  });

  it('never trusts a corrupt, truncated or unstamped entry', async () => {
    const cache = temporaryDir('cache');
    const spec = variant('a', {});
    const first = await compileFixtures([spec], cache);
    const library = first.get('a')?.library ?? '';

    writeFileSync(library, 'garbage');
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'compiled' });

    writeFileSync(library, '');
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'compiled' });

    rmSync(path.join(path.dirname(library), 'stamp.json'));
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'compiled' });
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'cached' });
  });

  it('reports a fixture that does not compile and builds the rest', async () => {
    const cache = temporaryDir('cache');
    // A kind that is a C++ keyword cannot name the interface class.
    const outcomes = await compileFixtures([variant('good', {}), variant('bad', { kind: 'delete' })], cache);
    expect(outcomes.get('good')?.status).toBe('compiled');
    const bad = outcomes.get('bad');
    expect(bad?.status).toBe('failed');
    expect(bad && 'message' in bad ? bad.message : '').toMatch(/^the fixture did not compile: .*error: /);
  });
});
