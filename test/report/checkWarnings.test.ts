import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../../src/core/checkRun.js';
import type { CheckFormat } from '../../src/report/formats.js';
import { CHECK_RENDERERS } from '../../src/report/renderCheck.js';

// Mesos's deprecation warning for a leading `/` (versions/releases/0.22.0.json, flags), logged from
// 0.22.0 on while the modules still load: every format shows it, none turns it into a failure.
const WARNING = "Specifying a absolute filename to read a command line option out of without using 'file:// is deprecated and will be removed in a future release. Simply adding 'file://' to the beginning of the path should eliminate this warning.";
const run: CheckRun = {
  single: false,
  verdicts: [
    { mesos: '0.21.0', ok: true, error: null, problems: [], modules: [], logged: [] },
    { mesos: '0.22.0', ok: true, error: null, problems: [], modules: [], logged: [WARNING] },
    { mesos: '0.23.1', ok: true, error: null, problems: [], modules: [], logged: [WARNING] },
  ],
};

describe("check's reports show what Mesos warns while reading the flags", () => {
  it.each<[CheckFormat, string]>([
    ['text', `Mesos warns: ${WARNING}`],
    ['markdown', `- ⚠️ Mesos 0.22.0, 0.23.1 warns: \`${WARNING}\``],
    ['github', '::warning title=Mesos 0.22.0%2C 0.23.1 warns::Specifying a absolute filename'],
    ['junit', `<system-err><![CDATA[Mesos warns: ${WARNING}]]></system-err>`],
    ['html', 'Mesos warns: <code>Specifying a absolute filename'],
    ['json', `"logged": [\n      "${WARNING}"`],
  ])('%s', (format, shown) => {
    expect(CHECK_RENDERERS[format](run, false)).toContain(shown);
  });
});
