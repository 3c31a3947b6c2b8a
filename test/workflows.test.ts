import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/app/paths.js';
import { temporaryDir } from './helpers/compileFixtures.js';

// action-validator checks a workflow against GitHub's workflow schema (compiled to wasm: it runs offline).
const VALIDATOR = path.join(path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')), 'cli.mjs');
const WORKFLOWS = path.join(PACKAGE_ROOT, '.github', 'workflows');
const scratch = temporaryDir('workflows');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const validate = (file: string) => execa(process.execPath, [VALIDATOR, file], { reject: false, cwd: PACKAGE_ROOT, env: { NO_COLOR: '1' } });

describe('GitHub workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

  it('include the CI and the sharded matrix', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'matrix.yml']));
  });

  it.each(files)('%s is a valid workflow', async (name) => {
    const result = await validate(path.join(WORKFLOWS, name));
    expect(result.stderr + result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it.each(files)('%s pins every action by commit and only reads the repository', (name) => {
    const text = readFileSync(path.join(WORKFLOWS, name), 'utf8');
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)].map((match) => match[1]);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    expect(text).toMatch(/^permissions:\n {2}contents: read\n/m);
    expect(text).not.toMatch(/: write\b/);
  });

  it('the validator refuses a broken workflow (so that passing means something)', async () => {
    const broken = path.join(scratch, 'broken.yml');
    writeFileSync(broken, 'name: broken\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: true\n');
    const result = await validate(broken);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("Additional property 'stepz' is not allowed");
  });
});
