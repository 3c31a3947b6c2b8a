import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFixtures, temporaryDir, variant } from '../../test/helpers/compileFixtures.js';
import { fixtureRequests } from '../app/fixtureRequests.js';
import { ToolchainError } from '../core/errors.js';
import { buildFixtures } from './buildFixtures.js';

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
    // A warm run takes the library's digest from the index: one rewritten in place, same size and
    // mtime restored, is still read again (its ctime moved) and never trusted.
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'cached' });
    const { size, atime, mtime } = statSync(library);
    writeFileSync(library, Buffer.alloc(size, 0x41));
    utimesSync(library, atime, mtime);
    expect(statuses(await compileFixtures([spec], cache))).toEqual({ a: 'compiled' });

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

describe('buildFixtures when the toolchain or a run fails', () => {
  const leftovers = (cache: string) => readdirSync(cache, { recursive: true }).map(String).filter((name) => /\.tmp(\.cpp)?$|\.lock$/.test(name));
  const build = (cache: string, command: string[], specs = [variant('a', {}), variant('b', { builtFor: '0.24.1' })]) =>
    fixtureRequests(specs).then((requests) => buildFixtures(requests, { compiler: { command, identity: command.join(' ') }, cacheDir: cache, jobs: 2 }));

  it('leaves no temporary or lock behind, and keeps the source beside the stamped library', async () => {
    const cache = temporaryDir('cache');
    const outcomes = await compileFixtures([variant('a', {}), variant('b', { builtFor: '0.24.1' })], cache);
    expect(leftovers(cache)).toEqual([]);
    for (const outcome of outcomes.values()) expect(readdirSync(path.dirname(outcome.library)).sort()).toEqual(['fixture.cpp', path.basename(outcome.library), 'stamp.json'].sort());
  });

  it('sweeps what a killed build left in an entry it rebuilds', async () => {
    const cache = temporaryDir('cache');
    const library = (await compileFixtures([variant('a', {})], cache)).get('a')?.library ?? '';
    rmSync(path.join(path.dirname(library), 'stamp.json'));
    const dead = spawnSync('true').pid ?? 0;
    const old = new Date(Date.now() - 5 * 60_000);
    for (const name of [`${path.basename(library)}.${dead}.0a1b2c3d.tmp`, `fixture.cpp.${dead}.0a1b2c3d.tmp.cpp`, 'build.lock']) {
      writeFileSync(path.join(path.dirname(library), name), `${dead}\n`);
      utimesSync(path.join(path.dirname(library), name), old, old);
    }
    expect(statuses(await compileFixtures([variant('a', {})], cache))).toEqual({ a: 'compiled' });
    expect(leftovers(cache)).toEqual([]);
  });

  it('throws a broken compiler as a toolchain error naming it, instead of failing every fixture', async () => {
    const cache = temporaryDir('cache');
    const error = await build(cache, ['c++', '-bogus']).catch((fault: unknown) => fault);
    expect(error).toBeInstanceOf(ToolchainError);
    expect((error as Error).message).toMatch(/^the C\+\+ compiler `c\+\+ -bogus` fails on a source that always compiles/);
    expect(leftovers(cache)).toEqual([]);
  });

  it('never stamps a library that lacks its module symbol', async () => {
    const cache = temporaryDir('cache');
    const hiding = path.join(cache, 'cxx-hidden.sh');
    writeFileSync(hiding, '#!/bin/sh\nexec c++ "$@" -fvisibility=hidden\n', { mode: 0o755 });
    const error = await build(cache, [hiding]).catch((fault: unknown) => fault);
    expect((error as Error).message).toContain('its output is broken: it does not export mesos_matrix_toolchain_probe');
    expect(readdirSync(cache, { recursive: true }).map(String).filter((name) => name.endsWith('stamp.json'))).toEqual([]);
  });
});
