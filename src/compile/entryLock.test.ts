import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';
import { isAlive, tryLock, waitForLock } from './entryLock.js';

/** The pid of a process that has exited. */
const deadPid = () => spawnSync('true').pid ?? 0;

describe('entry locks', () => {
  it('is held by one taker at a time, and released', async () => {
    const lock = path.join(temporaryDir('lock'), 'build.lock');
    const first = await tryLock(lock);
    expect(first).not.toBeNull();
    expect(await tryLock(lock)).toBeNull();
    await first?.release();
    const second = await tryLock(lock);
    expect(second).not.toBeNull();
    await second?.release();
    expect(readdirSync(path.dirname(lock))).toEqual([]);
  });

  it('breaks a lock whose holder is dead, or that is too old, and respects a live one', async () => {
    const dir = temporaryDir('lock');
    const lock = path.join(dir, 'build.lock');
    writeFileSync(lock, `${process.ppid}\n`);
    expect(await tryLock(lock)).toBeNull();
    utimesSync(lock, new Date(Date.now() - 11 * 60_000), new Date(Date.now() - 11 * 60_000));
    await (await tryLock(lock))?.release();
    writeFileSync(lock, `${deadPid()}\n`);
    const taken = await tryLock(lock);
    expect(taken).not.toBeNull();
    await taken?.release();
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a holder to release', async () => {
    const lock = path.join(temporaryDir('lock'), 'build.lock');
    const holder = await tryLock(lock);
    let released = false;
    setTimeout(() => {
      released = true;
      void holder?.release();
    }, 100);
    const waited = await waitForLock(lock);
    expect(released).toBe(true);
    await waited.release();
  });

  it('tells live pids from dead ones', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(deadPid())).toBe(false);
    expect(isAlive(Number.NaN)).toBe(false);
  });
});
