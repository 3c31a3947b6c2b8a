import { safeMinimum } from './diffInterfaces.js';
import { intendedManifest, standardFixture } from './fixtureSpec.js';
import { gateFinding, jsonPointer, type GateFinding } from './gateFinding.js';
import { groupBy } from './groupBy.js';
import { grammarOf } from './host.js';
import { breakingChanges } from './interfaceBreaks.js';
import type { KindInterface } from './kindInterface.js';
import { placeholderInterface } from './placeholderInterface.js';
import { parseVersion, versionLess } from './stoutVersion.js';
import type { Touched } from './tableChanges.js';
import type { Release, VersionTable } from './versionTable.js';
import { verifyModule } from './verifyModule.js';

/**
 * Every entry (release, kind) of the table, judged: the builds of other releases its minimum
 * admits — as Mesos's own check decides, for a module that supplies `compatible()` — must each
 * load without a breaking change (`breakingRules.ts`). A break caused by the release's own
 * interface change is a `missing-bump`; one reaching back past an earlier change is `unsound`;
 * an admitted build whose interface the table lacks is `unverifiable`. Touched entries whose
 * minimum is stricter than needed get a `could-relax` note.
 */
export function gateSoundness(table: VersionTable, touched: Touched): GateFinding[] {
  const findings: GateFinding[] = [];
  table.releases.forEach((host, index) => {
    for (const [kind, minimum] of host.host.kinds) {
      const faces = table.interfaces.get(kind);
      const at = { release: host.release, kind, file: host.file, pointer: jsonPointer('kinds', kind), from: minimum };
      const safe = () => safeMinimum(table.releases, table.interfaces, kind, host.release);
      const earlier = table.releases.slice(0, index).filter((build) => build.host.kinds.has(kind));
      const admitted = minimum === host.release ? [] : earlier.filter((build) => admits(host, kind, build));
      const hostFace = faces?.get(host.release);
      const unknown = admitted.filter((build) => !faces?.get(build.release) || !hostFace);
      if (unknown.length > 0) {
        findings.push(gateFinding('unverifiable', { ...at, to: safe(), builds: unknown.map((build) => build.release), detail: `no interface data for ${kind} at ${hostFace ? unknown.map((build) => build.release).join(', ') : host.release}` }));
      }
      const previous = earlier.at(-1);
      const byFace = groupBy(admitted.filter((build) => !unknown.includes(build)), (build) => faces?.get(build.release) as KindInterface);
      for (const [face, builds] of byFace) {
        const breaking = breakingChanges(face, hostFace as KindInterface);
        // The break is this release's own change when it reaches the release just before it.
        const code = previous !== undefined && builds.includes(previous) ? 'missing-bump' : 'unsound';
        for (const [rule, changes] of groupBy(breaking, (change) => change.rule)) {
          findings.push(gateFinding(code, { ...at, to: safe(), rule, builds: builds.map((build) => build.release), changes }));
        }
      }
      if (!touched.has(host.release, kind)) continue;
      const relaxed = safe();
      if (relaxed !== null && below(host, relaxed, minimum)) findings.push(gateFinding('could-relax', { ...at, to: relaxed }));
    }
  });
  return findings;
}

/** Whether `host` loads a build of `kind` for `build`'s release that supplies `compatible()` returning true. */
function admits(host: Release, kind: string, build: Release): boolean {
  const fixture = standardFixture(`${kind}/${build.release}`, kind, build.release, 'true', build.file, placeholderInterface(kind));
  return verifyModule(host.host, fixture.moduleName, intendedManifest(fixture)).loadable;
}

function below(host: Release, a: string, b: string): boolean {
  const grammar = grammarOf(host.host.loader);
  const [x, y] = [parseVersion(a, grammar), parseVersion(b, grammar)];
  return x.ok && y.ok && versionLess(x.version, y.version);
}
