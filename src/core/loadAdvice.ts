import { grammarOf, type LoaderRules } from './host.js';
import type { Manifest } from './manifest.js';
import type { LoadProblem } from './simulateLoad.js';
import { parseVersion } from './stoutVersion.js';
import type { Release } from './versionTable.js';
import { standInCallAdvice, standInCalled } from './standInCall.js';

/** What to do about a problem, as data; `src/report/renderCheck.ts` words it. */
export type Advice =
  | { readonly advice: 'rebuild'; readonly kind: string; readonly builtFor: string; readonly host: string; readonly minimum: string; readonly exactOnly: boolean }
  | { readonly advice: 'kind-unavailable'; readonly kind: string; readonly host: string; readonly since: string | null; readonly similar: string | null }
  | { readonly advice: 'api-version'; readonly required: string }
  | { readonly advice: 'version-unreadable'; readonly version: string; readableFrom: string | null }
  | { readonly advice: 'fill-fields' | 'vetoed' | 'name-library' | 'crashed' | 'hung' | 'unknown-flag' | 'one-flag' | 'none' }
  | { readonly advice: 'library-not-found'; readonly searched: boolean }
  | { readonly advice: 'symbol-not-found'; readonly library: string; readonly emptyFile: boolean }
  | { readonly advice: 'duplicate'; readonly policy: LoaderRules['duplicateModules'] }
  /** Advice already worded where the problem was found (our parser's line and column, our schema's rule). */
  | { readonly advice: 'as-found'; readonly text: string };

export function adviseLoadProblem(problem: LoadProblem, host: Release, manifest: Manifest | null, releases: readonly Release[]): Advice {
  const kind = manifest?.kind ?? '';
  const builtFor = manifest?.mesosVersion ?? '';
  switch (problem.stage) {
    case 'below-minimum':
    case 'not-equal':
    case 'newer':
      return { advice: 'rebuild', kind, builtFor, host: host.release, minimum: host.host.kinds.get(kind) ?? host.release, exactOnly: manifest?.compatible.present === false };
    case 'unknown-kind': {
      const since = releases.find((release) => release.host.kinds.has(kind))?.release ?? null;
      const similar = since === null ? ([...new Set(releases.flatMap((release) => [...release.host.kinds.keys()]))].find((name) => name.toLowerCase() === kind.toLowerCase()) ?? null) : null;
      return { advice: 'kind-unavailable', kind, host: host.release, since, similar };
    }
    case 'api-version':
      return { advice: 'api-version', required: host.host.moduleApiVersion };
    case 'version-parse':
      return { advice: 'version-unreadable', version: builtFor, readableFrom: releases.find((release) => parseVersion(builtFor, grammarOf(release.host.loader)).ok)?.release ?? null };
    case 'missing-fields':
      return { advice: 'fill-fields' };
    case 'incompatible':
      return { advice: 'vetoed' };
    case 'open':
      return { advice: 'library-not-found', searched: !(problem.library ?? '').includes('/') };
    case 'symbol':
      return { advice: 'symbol-not-found', library: problem.library ?? '', emptyFile: problem.library === '' };
    case 'library-unnamed':
      return { advice: 'name-library' };
    case 'module-unnamed':
      return { advice: 'as-found', text: 'give the module a "name": the global variable the library exports' };
    case 'duplicate':
      return { advice: 'duplicate', policy: host.host.loader.duplicateModules };
    case 'crash': {
      const standIn = standInCalled(problem.message);
      return standIn === null ? { advice: 'crashed' } : { advice: 'as-found', text: standInCallAdvice(standIn) };
    }
    case 'timeout':
      return { advice: 'hung' };
    case 'flags':
      return { advice: problem.message.startsWith('Failed to load unknown flag') ? 'unknown-flag' : 'one-flag' };
    default:
      return { advice: 'none' };
  }
}
