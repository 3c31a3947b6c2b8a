import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { unwritableCache } from './cacheDir.js';

const fault = (code: string, path?: string) => Object.assign(new Error(code), { code, path });

describe('unwritableCache', () => {
  it.each([
    ['EACCES', '/c/fixtures/ab/lib.so', 'cannot write the cache folder /c: EACCES at /c/fixtures/ab/lib.so (no permission to write there)'],
    ['EROFS', '/c', 'cannot write the cache folder /c: EROFS (the file system is read-only)'],
    ['ENOSPC', '/c/compiler.json', 'cannot write the cache folder /c: ENOSPC at /c/compiler.json (the disk is full or over quota)'],
    // mkdir of /c fails at an ancestor that is a file
    ['ENOTDIR', '/', 'cannot write the cache folder /c: ENOTDIR at / (a file stands where a folder is needed)'],
  ])('%s at %s is a configuration error', (code, path, message) => {
    const error = unwritableCache(fault(code, path), '/c');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toBe(message);
    expect(error?.hint).toContain('--cache-dir <dir> or the environment variable MESOS_MATRIX_CACHE=<dir>');
  });

  it.each([
    ['ENOSPC', 'free space on that disk (or raise the quota), or give a writable folder'],
    ['EACCES', 'make it writable for this user (chmod, chown), or give a writable folder'],
    ['EROFS', 'give a writable folder'],
  ])('says what to do about %s', (code, hint) => {
    expect(unwritableCache(fault(code, '/c/x'), '/c')?.hint.startsWith(hint)).toBe(true);
  });

  it('leaves other faults, and faults elsewhere, as they are', () => {
    expect(unwritableCache(fault('ENOENT', '/c/x'), '/c')).toBeUndefined();
    expect(unwritableCache(fault('EACCES', '/elsewhere/x'), '/c')).toBeUndefined();
    expect(unwritableCache(new Error('boom'), '/c')).toBeUndefined();
  });
});
