import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { readReference, referenceTitle } from '../helpers/reference.js';

const releasesDir = path.join(PACKAGE_ROOT, 'versions', 'releases');

interface ReferenceRelease {
  moduleApiVersion: string;
  MESOS_VERSION: string;
  kinds: Record<string, string>;
}

const at = (release: string) => release.split('.').map(Number) as [number, number, number];
const since = (release: string, first: string) => {
  const [a, b] = [at(release), at(first)];
  return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2];
};

// The reference facts live beside the project (../shared), as in CI; the table is our own copy.
const kinds = readReference<Record<string, ReferenceRelease>>('kinds.json');

describe.skipIf(!kinds)(referenceTitle('versions/releases', 'kinds.json', kinds), () => {
  const reference = kinds ?? {};
  const files = readdirSync(releasesDir).filter((name) => name.endsWith('.json'));

  it('has one file per final release 0.21.0 – 1.11.0, and no other', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(Object.keys(reference).sort());
    expect(files).toHaveLength(60);
  });

  it.each(Object.entries(reference))('%s matches kinds.json and the loader timeline of loader-facts §10', (release, facts) => {
    const file = JSON.parse(readFileSync(path.join(releasesDir, `${release}.json`), 'utf8'));
    expect(file.release).toBe(release);
    // MESOS_VERSION equals the tag at every final release (loader-facts §3).
    expect(facts.MESOS_VERSION).toBe(release);
    expect(file.moduleApiVersion).toBe(facts.moduleApiVersion);
    // kindToVersion writes MESOS_VERSION for every kind: the minimum is the release itself.
    expect(file.kinds).toEqual(Object.fromEntries(Object.entries(facts.kinds).map(([kind, minimum]) => [kind, minimum === 'MESOS_VERSION' ? release : minimum])));
    expect(file.loader).toEqual({
      versionParser: since(release, '1.2.1') ? 'semver' : 'legacy',
      hexComponents: since(release, '0.27.0'),
      duplicateModules: since(release, '1.8.0') ? 'accept-identical' : since(release, '0.28.0') ? 'accept-identical-misspelled' : 'reject-before-lookup',
      openErrorDetail: since(release, '0.22.0'),
      modulesDir: since(release, '1.0.0'),
    });
  });

  it('registers each kind from the release loader-facts §2 names', () => {
    const ours = Object.keys(reference).map((release) => JSON.parse(readFileSync(path.join(releasesDir, `${release}.json`), 'utf8')) as { release: string; kinds: object });
    const first = (kind: string) => ours.find((file) => kind in file.kinds)?.release;
    expect(Object.fromEntries(['Authenticator', 'Anonymous', 'Allocator', 'Authorizer', 'ContainerLogger', 'MasterDetector', 'SecretResolver', 'DiskProfileAdaptor'].map((kind) => [kind, first(kind)]))).toEqual({
      Authenticator: '0.21.0',
      Anonymous: '0.22.0',
      Allocator: '0.23.0',
      Authorizer: '0.24.0',
      ContainerLogger: '0.27.0',
      MasterDetector: '1.0.0',
      SecretResolver: '1.4.0',
      DiskProfileAdaptor: '1.5.0',
    });
    // SecretGenerator has a Module<T> specialisation but is never registered.
    expect(ours.some((file) => 'SecretGenerator' in file.kinds)).toBe(false);
  });
});
