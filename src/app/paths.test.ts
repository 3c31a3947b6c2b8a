import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_DIR, defaultCacheDir, PACKAGE_ROOT, projectPaths, TEMPLATES_DIR } from './paths.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'mesos-matrix-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('defaultCacheDir', () => {
  const project = path.join(scratch, 'project');
  mkdirSync(path.join(project, 'src', 'deep'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), '{}\n');
  const outside = path.join(scratch, 'outside');
  mkdirSync(outside);
  // Nothing above scratch may hold a package.json for the "outside" cases to mean anything.
  const isolated = defaultCacheDir(scratch, { HOME: '/home/u' }) === path.join('/home/u', '.cache', 'mesos-matrix');

  it('is node_modules/.cache/mesos-matrix of the nearest package above the folder', () => {
    expect(defaultCacheDir(path.join(project, 'src', 'deep'), {})).toBe(path.join(project, 'node_modules', '.cache', 'mesos-matrix'));
    expect(defaultCacheDir(PACKAGE_ROOT, {})).toBe(path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'mesos-matrix'));
  });

  it.runIf(isolated)('is the user cache folder outside any package, by XDG_CACHE_HOME when it is absolute', () => {
    expect(defaultCacheDir(outside, { HOME: '/home/u' })).toBe('/home/u/.cache/mesos-matrix');
    expect(defaultCacheDir(outside, { HOME: '/home/u', XDG_CACHE_HOME: '/var/cache/u' })).toBe('/var/cache/u/mesos-matrix');
    expect(defaultCacheDir(outside, { HOME: '/home/u', XDG_CACHE_HOME: 'relative' })).toBe('/home/u/.cache/mesos-matrix');
  });
});

describe('projectPaths', () => {
  it("is the package's own table and templates without --root", () => {
    expect(projectPaths(undefined, undefined, scratch)).toEqual({ root: PACKAGE_ROOT, tableDir: DEFAULT_TABLE_DIR, templatesDir: TEMPLATES_DIR });
  });

  it("takes <root>/versions, <root>/templates only when it exists, and --table over both, relative to cwd", () => {
    const root = path.join(scratch, 'fork');
    mkdirSync(root);
    expect(projectPaths('fork', undefined, scratch)).toEqual({ root, tableDir: path.join(root, 'versions'), templatesDir: TEMPLATES_DIR });
    mkdirSync(path.join(root, 'templates'));
    expect(projectPaths(root, 'other/table', scratch)).toEqual({ root, tableDir: path.join(scratch, 'other', 'table'), templatesDir: path.join(root, 'templates') });
  });
});
