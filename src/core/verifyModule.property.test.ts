import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR } from '../app/paths.js';
import { readTable } from '../app/readTable.js';
import { temporaryDir } from '../../test/helpers/temporaryDir.js';
import { grammarOf, type Host, type LoaderRules } from './host.js';
import { MANIFEST_STRING_FIELDS, type CompatibleOutcome, type Manifest } from './manifest.js';
import { STAGES, VERIFY_STAGES, type Verdict } from './stage.js';
import { formatVersion, parseVersion, versionEquals, versionLess, type StoutVersion } from './stoutVersion.js';
import type { Release } from './versionTable.js';
import { verifyModule } from './verifyModule.js';

// Properties of `ModuleManager::verifyModule` (loader-facts §5) over arbitrary manifests: whatever
// a library's constructors put in its manifest (control bytes, megabyte strings, any API version,
// kind or version), the verdict is one of the classified stages, and the first check that fails
// in Mesos's order decides it, whatever the fields checked after it hold:
//   missing fields → API version → kind → version parse → minimum → (no compatible(): equal)
//   → (compatible(): not newer) → compatible()'s answer.
// Hosts are the real releases of versions/ and hypothetical ones.
const RUNS = { seed: 20261130, numRuns: 300 };

let releases: readonly Release[] = [];
beforeAll(async () => {
  releases = (await readTable(DEFAULT_TABLE_DIR, temporaryDir('verify-property'))).releases;
});

const LEGACY: LoaderRules = { versionParser: 'legacy', hexComponents: false, duplicateModules: 'reject-before-lookup', openErrorDetail: true, modulesDir: false };
const SEMVER: LoaderRules = { ...LEGACY, versionParser: 'semver', hexComponents: true, duplicateModules: 'accept-identical', modulesDir: true };
const KINDS = ['TestModule', 'Isolator', 'Authenticator', 'Hook', 'Allocator', 'SecretGenerator', 'DiskProfileAdaptor'];

/** Megabyte-sized strings of any bytes: 1 MB manifest strings are what a buggy build can export. */
const huge = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 20_000, max: 300_000 })).map(([unit, times]) => unit.repeat(times));
const versionish = fc
  .array(fc.constantFrom('0', '1', '2', '11', '23', '.', '.', '-', '+', 'rc1', 'x', '0x1', '', ' ', '\0', '4294967296'), { maxLength: 10 })
  .map((tokens) => tokens.join(''));
/** Any string, weighted towards the values that get a manifest past the earlier checks. */
const hostile = (...likely: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...likely) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: versionish },
    { weight: 1, arbitrary: fc.constantFrom('', ' 2', '2\0', 'constructor', '__proto__', 'toString', '\u001b[2J', 'testmodule') },
    { weight: 1, arbitrary: huge },
  );
const nullable = (text: fc.Arbitrary<string>) => fc.option(text, { nil: null, freq: 30 });

const compatibleOutcome: fc.Arbitrary<CompatibleOutcome> = fc.oneof(
  fc.constant({ present: false as const }),
  fc.record({ present: fc.constant(true as const), returned: fc.boolean() }),
  fc.record({ present: fc.constant(true as const), failed: fc.constantFrom('crash' as const, 'timeout' as const), detail: fc.string({ unit: 'binary', maxLength: 40 }) }),
);

/** A manifest whose likely values are those `host` admits and their neighbours, so that every check is reached. */
const manifestFor = (host: Host): fc.Arbitrary<Manifest> => {
  const [major, minor, patch] = host.mesos.split('.').map(Number) as [number, number, number];
  const versions = [host.mesos, `${host.mesos}-rc1`, `${host.mesos}+build`, `${major}.${minor}`, `0${host.mesos}`, `${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`, ...host.kinds.values(), '0.1.0', '100.1.0'];
  return fc.record({
    moduleApiVersion: nullable(hostile(host.moduleApiVersion, host.moduleApiVersion, host.moduleApiVersion, host.moduleApiVersion, '1')),
    mesosVersion: nullable(hostile(...versions)),
    kind: nullable(hostile(...host.kinds.keys(), 'TestModule')),
    authorName: nullable(hostile('Apache Mesos')),
    authorEmail: nullable(hostile('modules@mesos.apache.org')),
    description: nullable(hostile('This is a test module.')),
    compatible: compatibleOutcome,
    create: fc.boolean(),
  });
};

/** A hypothetical host: any API version string, a few kinds with minima, either grammar. */
const hypotheticalHost: fc.Arbitrary<Host> = fc
  .record({
    loader: fc.constantFrom(LEGACY, SEMVER),
    mesos: fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 30 }), fc.nat({ max: 3 })),
    moduleApiVersion: fc.oneof(fc.constant('2'), fc.string({ unit: 'binary', maxLength: 5 })),
    kinds: fc.uniqueArray(fc.tuple(fc.constantFrom(...KINDS), fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 30 }), fc.nat({ max: 3 }))), { selector: ([kind]) => kind, maxLength: 4 }),
  })
  .map(({ loader, mesos, moduleApiVersion, kinds }) => ({ loader, mesos: mesos.join('.'), moduleApiVersion, kinds: new Map(kinds.map(([kind, minimum]) => [kind, minimum.join('.')])) }));

/** A real release or a hypothetical host, a manifest aimed at it and a module name. */
const scenario = () =>
  fc.oneof(fc.constantFrom(...releases.map((release) => release.host)), hypotheticalHost).chain((host) => fc.tuple(fc.constant(host), manifestFor(host), hostile('org_apache_mesos_TestModule')));

const prefix = (name: string) => `Error verifying module '${name}': `;
const version = (text: string, host: Host): StoutVersion | undefined => {
  const parsed = parseVersion(text, grammarOf(host.loader));
  return parsed.ok ? parsed.version : undefined;
};

/**
 * Past the parse, what each verdict says about the versions (loader-facts §4, §5): below the
 * kind's minimum is refused first; without compatible() the module must equal Mesos; with it, it
 * must not be newer, and then compatible()'s answer decides.
 */
function versionStagesHold(host: Host, manifest: Manifest, module: StoutVersion, verdict: Verdict): boolean {
  const minimum = version(host.kinds.get(manifest.kind ?? '') ?? '', host) as StoutVersion;
  const mesos = version(host.mesos, host) as StoutVersion;
  const compatible = manifest.compatible;
  const belowMinimum = versionLess(module, minimum);
  const shown = `Mesos has version ${formatVersion(mesos)}, but module is compiled with version ${formatVersion(module)}`;
  switch (verdict.stage) {
    case 'below-minimum':
      return belowMinimum && verdict.message.endsWith(`: Minimum supported mesos version for '${manifest.kind}' is ${formatVersion(minimum)}, but module is compiled with version ${formatVersion(module)}`);
    case 'not-equal':
      return !belowMinimum && !compatible.present && !versionEquals(module, mesos) && verdict.message.endsWith(`: ${shown}`);
    case 'newer':
      return !belowMinimum && compatible.present && versionLess(mesos, module) && verdict.message.endsWith(`: ${shown}`);
    case 'loaded':
      return !belowMinimum && (compatible.present ? !versionLess(mesos, module) && 'returned' in compatible && compatible.returned : versionEquals(module, mesos));
    case 'incompatible':
      return !belowMinimum && !versionLess(mesos, module) && 'returned' in compatible && !compatible.returned;
    default:
      return !belowMinimum && !versionLess(mesos, module) && 'failed' in compatible && compatible.failed === verdict.stage;
  }
}

describe('verifyModule over arbitrary manifests', () => {
  it('never throws and always returns a classified verdict', () => {
    fc.assert(
      fc.property(scenario(), ([host, manifest, name]) => {
        const verdict = verifyModule(host, name, manifest);
        expect(STAGES).toContain(verdict.stage);
        expect(verdict.loadable).toBe(verdict.stage === 'loaded');
        if (verdict.stage === 'loaded') expect(verdict.message).toBe('');
        else if ((VERIFY_STAGES as readonly string[]).includes(verdict.stage)) expect(verdict.message.startsWith(prefix(name))).toBe(true);
        else {
          // Only compatible() itself crashing or hanging gets past verifyModule's own stages.
          expect(manifest.compatible).toEqual({ present: true, failed: verdict.stage, detail: verdict.message });
        }
      }),
      RUNS,
    );
  });

  it('reaches every stage with these generators (else the properties below would hold vacuously)', () => {
    const seen = new Set(fc.sample(scenario(), { seed: RUNS.seed, numRuns: RUNS.numRuns }).map(([host, manifest, name]) => verifyModule(host, name, manifest).stage));
    expect([...seen].sort()).toEqual(['loaded', ...VERIFY_STAGES, 'crash', 'timeout'].sort());
  });

  it('refuses at the first failing check of Mesos’s order, with its exact text', () => {
    fc.assert(
      fc.property(scenario(), ([host, manifest, name]) => {
        const verdict = verifyModule(host, name, manifest);
        const refusal = (stage: Verdict['stage'], text: string): Verdict => ({ loadable: false, stage, message: `${prefix(name)}${text}` });
        const { moduleApiVersion, kind, mesosVersion } = manifest;
        const parsed = parseVersion(mesosVersion ?? '', grammarOf(host.loader));
        if (MANIFEST_STRING_FIELDS.some((field) => manifest[field] === null)) {
          expect(verdict).toEqual(refusal('missing-fields', `Error loading module '${name}'; missing fields`));
        } else if (moduleApiVersion !== host.moduleApiVersion) {
          expect(verdict).toEqual(refusal('api-version', `Module API version mismatch. Mesos has: ${host.moduleApiVersion}, library requires: ${moduleApiVersion}`));
        } else if (!host.kinds.has(kind ?? '')) {
          expect(verdict).toEqual(refusal('unknown-kind', `Unknown module kind: ${kind}`));
        } else if (!parsed.ok) {
          expect(verdict).toEqual(refusal('version-parse', parsed.error));
        } else {
          expect(versionStagesHold(host, manifest, parsed.version, verdict)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never lets a field checked later change an earlier refusal', () => {
    // The fields each stage has not looked at yet: any value there leaves the verdict as it is.
    const later: Partial<Record<Verdict['stage'], ReadonlyArray<'kind' | 'mesosVersion' | 'compatible'>>> = {
      'api-version': ['kind', 'mesosVersion', 'compatible'],
      'unknown-kind': ['mesosVersion', 'compatible'],
      'version-parse': ['compatible'],
      'below-minimum': ['compatible'],
    };
    fc.assert(
      fc.property(scenario(), scenario(), ([host, manifest, name], [, other]) => {
        const verdict = verifyModule(host, name, manifest);
        for (const field of later[verdict.stage] ?? []) {
          if (other[field] === null) continue; // a NULL is checked first of all
          expect(verifyModule(host, name, { ...manifest, [field]: other[field] })).toEqual(verdict);
        }
      }),
      RUNS,
    );
  });

  it('ignores the author, the description and create (not checked by verifyModule) unless NULL', () => {
    fc.assert(
      fc.property(scenario(), scenario(), ([host, manifest, name], [, other]) => {
        const { authorName, authorEmail, description, create } = other;
        if ([authorName, authorEmail, description, manifest.authorName, manifest.authorEmail, manifest.description].includes(null)) return;
        expect(verifyModule(host, name, { ...manifest, authorName, authorEmail, description, create })).toEqual(verifyModule(host, name, manifest));
      }),
      RUNS,
    );
  });

  it('consults compatible() last: when anything before it refuses, its answer changes nothing', () => {
    fc.assert(
      fc.property(scenario(), compatibleOutcome, ([host, manifest, name], answer) => {
        const asked = verifyModule(host, name, { ...manifest, compatible: { present: true, returned: true } });
        if (asked.loadable || !answer.present) return;
        expect(verifyModule(host, name, { ...manifest, compatible: answer })).toEqual(asked);
      }),
      RUNS,
    );
  });
});

describe('verifyModule across the real releases', () => {
  it('loads a build for release R, kind K at release H exactly when H is R (kindToVersion is MESOS_VERSION everywhere)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...releases), fc.constantFrom(...releases), fc.constantFrom(...KINDS), fc.constantFrom<CompatibleOutcome>({ present: false }, { present: true, returned: true }), (built, at, kind, compatible) => {
        fc.pre(built.host.kinds.has(kind));
        const manifest: Manifest = { moduleApiVersion: '2', mesosVersion: built.release, kind, authorName: 'a', authorEmail: 'e', description: 'd', compatible, create: true };
        const verdict = verifyModule(at.host, 'm', manifest);
        expect(verdict.loadable).toBe(at.release === built.release);
        if (verdict.loadable) return;
        const [module, mesos] = [version(built.release, at.host), version(at.release, at.host)] as [StoutVersion, StoutVersion];
        const want = !at.host.kinds.has(kind) ? 'unknown-kind' : versionLess(module, mesos) ? 'below-minimum' : compatible.present ? 'newer' : 'not-equal';
        expect(verdict.stage).toBe(want);
      }),
      { ...RUNS, numRuns: 600 },
    );
  });
});
