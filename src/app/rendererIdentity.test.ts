import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './paths.js';
import { moduleClosure, rendererIdentity } from './rendererIdentity.js';

const dir = mkdtempSync(path.join(tmpdir(), 'renderer-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the renderer identity in every fixture recipe', () => {
  it('covers the rendering modules and what they import', async () => {
    const entry = fileURLToPath(new URL('../codegen/renderFixture.js', import.meta.url));
    const { files } = await moduleClosure(entry, PACKAGE_ROOT, []);
    expect(files).toEqual(expect.arrayContaining(['src/codegen/renderFixture.ts', 'src/codegen/cppStandIns.ts', 'src/codegen/templateEngine.ts', 'src/codegen/renderInterfaceHeader.ts', 'src/core/cppType.ts', 'src/core/kindInterface.ts']));
    expect(await rendererIdentity()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when a module the entry imports changes, and with the versions', async () => {
    writeFileSync(path.join(dir, 'entry.ts'), "import { helper } from './helper.js';\nexport const x = helper;\n");
    writeFileSync(path.join(dir, 'helper.ts'), 'export const helper = 1;\n');
    const before = await moduleClosure(path.join(dir, 'entry.js'), dir, ['0.1.0']);
    expect(before.files).toEqual(['entry.ts', 'helper.ts']);
    expect((await moduleClosure(path.join(dir, 'entry.js'), dir, ['0.1.0'])).digest).toBe(before.digest);
    expect((await moduleClosure(path.join(dir, 'entry.js'), dir, ['0.1.1'])).digest).not.toBe(before.digest);
    writeFileSync(path.join(dir, 'helper.ts'), 'export const helper = 2;\n');
    expect((await moduleClosure(path.join(dir, 'entry.js'), dir, ['0.1.0'])).digest).not.toBe(before.digest);
  });
});
