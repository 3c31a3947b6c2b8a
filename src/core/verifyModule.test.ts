import { describe, expect, it } from 'vitest';
import type { Host, LoaderRules } from './host.js';
import type { CompatibleOutcome, Manifest } from './manifest.js';
import type { Verdict } from './stage.js';
import { verifyModule } from './verifyModule.js';

const LEGACY: LoaderRules = {
  versionParser: 'legacy',
  hexComponents: false,
  duplicateModules: 'reject-before-lookup',
  openErrorDetail: true,
  modulesDir: false,
};
const host = (mesos: string, minimum = mesos, loader = LEGACY): Host => ({
  mesos,
  moduleApiVersion: '2',
  kinds: new Map([
    ['TestModule', minimum],
    ['Isolator', minimum],
  ]),
  loader,
});
const manifest = (overrides: Partial<Manifest> = {}): Manifest => ({
  moduleApiVersion: '2',
  mesosVersion: '0.23.1',
  kind: 'TestModule',
  authorName: 'Apache Mesos',
  authorEmail: 'modules@mesos.apache.org',
  description: 'This is a test module.',
  compatible: { present: false },
  create: true,
  ...overrides,
});
const yes: CompatibleOutcome = { present: true, returned: true };
const NAME = 'org_apache_mesos_TestModule';
const refused = (stage: Verdict['stage'], text: string): Verdict => ({
  loadable: false,
  stage,
  message: `Error verifying module '${NAME}': ${text}`,
});

// Every check and message of loader-facts §5, in Mesos's order.
const CASES: ReadonlyArray<readonly [string, Host, Manifest, Verdict]> = [
  ['loads its own release', host('0.23.1'), manifest(), { loadable: true, stage: 'loaded', message: '' }],
  ...(['mesosVersion', 'moduleApiVersion', 'authorName', 'authorEmail', 'description', 'kind'] as const).map(
    (field) =>
      [`missing ${field}`, host('0.23.1'), manifest({ [field]: null }), refused('missing-fields', `Error loading module '${NAME}'; missing fields`)] as const,
  ),
  ['missing fields come before the API version', host('0.23.1'), manifest({ moduleApiVersion: '1', description: null }), refused('missing-fields', `Error loading module '${NAME}'; missing fields`)],
  ['API version "0"', host('0.23.1'), manifest({ moduleApiVersion: '0' }), refused('api-version', 'Module API version mismatch. Mesos has: 2, library requires: 0')],
  ['API version "1000"', host('0.23.1'), manifest({ moduleApiVersion: '1000' }), refused('api-version', 'Module API version mismatch. Mesos has: 2, library requires: 1000')],
  ['API version "ThisIsNotAnAPIVersion!"', host('0.23.1'), manifest({ moduleApiVersion: 'ThisIsNotAnAPIVersion!' }), refused('api-version', 'Module API version mismatch. Mesos has: 2, library requires: ThisIsNotAnAPIVersion!')],
  ['API version before kind', host('0.23.1'), manifest({ moduleApiVersion: '3', kind: 'Nope' }), refused('api-version', 'Module API version mismatch. Mesos has: 2, library requires: 3')],
  ['unknown kind', host('0.23.1'), manifest({ kind: 'NotAKind' }), refused('unknown-kind', 'Unknown module kind: NotAKind')],
  ['kinds are case-sensitive', host('0.23.1'), manifest({ kind: 'testmodule' }), refused('unknown-kind', 'Unknown module kind: testmodule')],
  ['an inherited property is no kind', host('0.23.1'), manifest({ kind: 'constructor' }), refused('unknown-kind', 'Unknown module kind: constructor')],
  ['unknown kind before version parse', host('0.23.1'), manifest({ kind: 'X', mesosVersion: 'garbage' }), refused('unknown-kind', 'Unknown module kind: X')],
  ['unparsable version: the parse error alone', host('0.23.1'), manifest({ mesosVersion: '0.x.1' }), refused('version-parse', "Invalid version component 'x': Failed to convert 'x' to number")],
  ['older than the minimum ("0.1.0")', host('0.23.1'), manifest({ mesosVersion: '0.1.0' }), refused('below-minimum', "Minimum supported mesos version for 'TestModule' is 0.23.1, but module is compiled with version 0.1.0")],
  ['versions print normalised', host('0.23.1'), manifest({ mesosVersion: '0.1' }), refused('below-minimum', "Minimum supported mesos version for 'TestModule' is 0.23.1, but module is compiled with version 0.1.0")],
  ['newer without compatible(): must equal ("100.1.0")', host('0.23.1'), manifest({ mesosVersion: '100.1.0' }), refused('not-equal', 'Mesos has version 0.23.1, but module is compiled with version 100.1.0')],
  ['between minimum and Mesos without compatible()', host('0.29.0', '0.18.0'), manifest({ mesosVersion: '0.21.0' }), refused('not-equal', 'Mesos has version 0.29.0, but module is compiled with version 0.21.0')],
  ['between minimum and Mesos with compatible()', host('0.29.0', '0.18.0'), manifest({ mesosVersion: '0.21.0', compatible: yes }), { loadable: true, stage: 'loaded', message: '' }],
  ['newer with compatible()', host('0.18.0'), manifest({ mesosVersion: '0.29.0', compatible: yes }), refused('newer', 'Mesos has version 0.18.0, but module is compiled with version 0.29.0')],
  ['compatible() says no (sic: no space)', host('0.23.1'), manifest({ compatible: { present: true, returned: false } }), refused('incompatible', `Module ${NAME}has determined to be incompatible`)],
  ['compatible() is not called when the version fails', host('0.23.1'), manifest({ mesosVersion: '0.1.0', compatible: { present: true, failed: 'crash', detail: 'SIGSEGV' } }), refused('below-minimum', "Minimum supported mesos version for 'TestModule' is 0.23.1, but module is compiled with version 0.1.0")],
  ['compatible() crashing takes Mesos down', host('0.23.1'), manifest({ compatible: { present: true, failed: 'crash', detail: 'compatible() was killed by SIGSEGV' } }), { loadable: false, stage: 'crash', message: 'compatible() was killed by SIGSEGV' }],
  ['legacy: an rc label is the release', host('0.23.1'), manifest({ mesosVersion: '0.23.1-rc1' }), { loadable: true, stage: 'loaded', message: '' }],
  ['legacy: +build does not parse', host('0.23.1'), manifest({ mesosVersion: '0.23.1+build' }), refused('version-parse', "Invalid version component '1+build': Failed to convert '1+build' to number")],
];

const SEMVER: LoaderRules = { ...LEGACY, versionParser: 'semver', hexComponents: true, duplicateModules: 'accept-identical', modulesDir: true };
const SEMVER_CASES: ReadonlyArray<readonly [string, Host, Manifest, Verdict]> = [
  ['semver: +build loads', host('1.11.0', '1.11.0', SEMVER), manifest({ mesosVersion: '1.11.0+build' }), { loadable: true, stage: 'loaded', message: '' }],
  ['semver: an rc is older', host('1.11.0', '1.11.0', SEMVER), manifest({ mesosVersion: '1.11.0-rc1' }), refused('below-minimum', "Minimum supported mesos version for 'TestModule' is 1.11.0, but module is compiled with version 1.11.0-rc1")],
  ['semver: hex components', host('1.11.0', '1.11.0', SEMVER), manifest({ mesosVersion: '0x1.0xb.0' }), { loadable: true, stage: 'loaded', message: '' }],
  // Unordered prerelease identifiers pass the compatible() branch but not the NULL branch (§4).
  ['semver: unordered, no compatible()', { ...host('1.0.0-beta.2', '1.0.0-beta.2', SEMVER) }, manifest({ mesosVersion: '1.0.0-beta.02' }), refused('not-equal', 'Mesos has version 1.0.0-beta.2, but module is compiled with version 1.0.0-beta.02')],
  ['semver: unordered, with compatible()', { ...host('1.0.0-beta.2', '1.0.0-beta.2', SEMVER) }, manifest({ mesosVersion: '1.0.0-beta.02', compatible: yes }), { loadable: true, stage: 'loaded', message: '' }],
];

describe('verifyModule, loader-facts §5', () => {
  it.each([...CASES, ...SEMVER_CASES])('%s', (_name, givenHost, givenManifest, want) => {
    expect(verifyModule(givenHost, NAME, givenManifest)).toEqual(want);
  });
});
