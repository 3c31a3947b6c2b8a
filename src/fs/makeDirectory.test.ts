import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';
import { makeDirectory } from './makeDirectory.js';

describe('makeDirectory', () => {
  it('makes every missing folder of a path, and is content with one that exists', async () => {
    const root = temporaryDir('mkdir');
    const deep = path.join(root, 'a', 'b', 'c');
    await makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await makeDirectory(deep);
    // Several runs making the same folders at once all succeed.
    await Promise.all(Array.from({ length: 8 }, () => makeDirectory(path.join(root, 'x', 'y'))));
    expect(existsSync(path.join(root, 'x', 'y'))).toBe(true);
  });

  it('refuses a path through a file (ENOTDIR) and a file in place of the folder (EEXIST), as mkdir(2) does', async () => {
    const root = temporaryDir('mkdir');
    writeFileSync(path.join(root, 'file'), '');
    await expect(makeDirectory(path.join(root, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeDirectory(path.join(root, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
  });

  // Node's recursive mkdir spins forever here; ours must end with the kernel's answer.
  it.runIf(existsSync('/proc/self'))('ends with ENOENT under /proc, where no folder can be made', async () => {
    await expect(makeDirectory('/proc/no-such-folder/deeper')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
