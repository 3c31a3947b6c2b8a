import { describe, expect, it } from 'vitest';
import { escapeLibraryOutcome } from './libraryOutcome.js';
import type { Manifest } from './manifest.js';

const manifest: Manifest = {
  moduleApiVersion: '2',
  mesosVersion: '0.23.1',
  kind: 'Isolator',
  authorName: 'evil\u001b[2J',
  authorEmail: null,
  description: 'd'.repeat(5000),
  compatible: { present: true, failed: 'crash', detail: 'compatible() of \'m\' killed the process (SIGSEGV)' },
  create: true,
};

describe('escapeLibraryOutcome', () => {
  it('escapes and cuts the manifest strings, and leaves the rest as it is', () => {
    const escaped = escapeLibraryOutcome({ stage: 'manifest', manifest });
    expect(escaped).toEqual({
      stage: 'manifest',
      manifest: { ...manifest, authorName: 'evil\\x1b[2J', description: `${'d'.repeat(1024)}…[+3976 characters cut]` },
    });
  });

  it("escapes glibc's dlerror, which quotes the library's path and symbols", () => {
    expect(escapeLibraryOutcome({ stage: 'open', dlerror: 'lib\u0007.so: cannot open shared object file' })).toEqual({ stage: 'open', dlerror: 'lib\\x07.so: cannot open shared object file' });
  });

  it('escapes the command lines of processes left running, whatever the stage', () => {
    const outcome = escapeLibraryOutcome({ stage: 'crash', during: 'open', message: 'as composed', leftovers: [{ pid: 7, command: `sleep\u001b ${'9'.repeat(300)}` }] });
    expect(outcome).toEqual({ stage: 'crash', during: 'open', message: 'as composed', leftovers: [{ pid: 7, command: `sleep\\x1b ${'9'.repeat(190)}…[+110 characters cut]` }] });
  });

  it('adds no leftovers where there were none', () => {
    expect(escapeLibraryOutcome({ stage: 'symbol', dlerror: 'x' })).not.toHaveProperty('leftovers');
  });
});
