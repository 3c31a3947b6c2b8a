import { describe, expect, it } from 'vitest';
import { frame, unframe, type ProbeEvent } from './probeProtocol.js';

const TOKEN = 'a'.repeat(32);

describe('unframe', () => {
  it('reads back what frame wrote', () => {
    const event: ProbeEvent = { i: 0, at: 'open' };
    expect(unframe(TOKEN, frame(TOKEN, event).trimEnd())).toEqual({ event });
  });

  it('escapes what the library chose as it enters our data', () => {
    const line = frame(TOKEN, { done: true, leftovers: [{ pid: 3, command: 'sleep\u001b]0;x\u0007' }] }).trimEnd();
    expect(unframe(TOKEN, line)).toEqual({ event: { done: true, leftovers: [{ pid: 3, command: 'sleep\\x1b]0;x\\x07' }] } });
  });

  it.each([
    ['garbage\u001b[2J', `wrote to the probe's protocol channel: "garbage\\x1b[2J"`],
    [`${'b'.repeat(32)} {"done":true,"leftovers":[]}`, `wrote to the probe's protocol channel: "${'b'.repeat(32)} {"done":true,"leftovers":[]}"`],
    [`${TOKEN} {"i":0,`, `garbled the probe's protocol channel: "${TOKEN} {"i":0,"`],
    [`${TOKEN} {"done":true}`, `garbled the probe's protocol channel: "${TOKEN} {"done":true}"`],
    [`${TOKEN} {"i":0,"outcome":null}`, `garbled the probe's protocol channel: "${TOKEN} {"i":0,"outcome":null}"`],
    [`${TOKEN} ${'x'.repeat(100)}`, `garbled the probe's protocol channel: "${TOKEN} ${'x'.repeat(47)}…[+53 characters cut]"`],
  ])('classifies %j as not ours', (line, error) => {
    expect(unframe(TOKEN, line)).toEqual({ error });
  });
});
