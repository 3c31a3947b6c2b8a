import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/app/paths.js';

interface LockEntry {
  readonly dev?: boolean;
  readonly [field: string]: unknown;
}

/**
 * Writes a project that depends on the packed tarball only: its package.json and a lockfile
 * derived from ours — the tarball, plus every entry of package-lock.json that is not a
 * devDependency, at the same place in node_modules. `npm ci --offline` then installs it from
 * the npm cache alone: `npm ci` here fetched exactly those tarballs, whereas an unlocked
 * `npm install <tarball> --offline` needs each dependency's registry metadata, which `npm ci`
 * never fetches (so it fails with ENOTCACHED on a fresh machine). It also pins what a consumer
 * gets to the versions this repository tests with.
 */
export function writeConsumerProject(dir: string, tarball: string): void {
  const ours = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };
  const lock = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const spec = `file:${path.relative(dir, tarball)}`;
  const dependencies = { [ours.name]: spec };
  const runtime = Object.entries(lock.packages).filter(([where, entry]) => where !== '' && !entry.dev);
  const packages = {
    '': { name: 'consumer', dependencies },
    [`node_modules/${ours.name}`]: {
      resolved: spec,
      ...Object.fromEntries(['version', 'license', 'dependencies', 'bin', 'engines', 'os'].map((field) => [field, ours[field]])),
    },
    ...Object.fromEntries(runtime),
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

/** The environment for npm in a child: without the variables of an enclosing `npm test` that would point it back at this repository, but with the same cache. */
export function npmEnvironment(): Record<string, string | undefined> {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_registry']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') || keep.has(name)));
}
