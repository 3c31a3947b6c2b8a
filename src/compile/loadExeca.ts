import type * as Execa from 'execa';

type ExecaModule = typeof Execa;

let loaded: Promise<Pick<ExecaModule, 'execa'>> | undefined;

/**
 * execa, from the one-file bundle `npm run build` makes of it (scripts/bundle-execa.ts), or from
 * the package when running from source. The package's ~100 modules take ~160 ms to load, the
 * bundle ~50 ms: on a cold run that import is between start-up and the first compiler.
 */
export function loadExeca(): Promise<Pick<ExecaModule, 'execa'>> {
  // A variable, so that TypeScript does not look for the bundle when checking the sources.
  const bundle = new URL('../vendor/execa.js', import.meta.url).href;
  loaded ??= (import(bundle) as Promise<Pick<ExecaModule, 'execa'>>).catch(() => import('execa'));
  return loaded;
}
