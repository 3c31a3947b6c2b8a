// Lint keeps the architecture's boundaries (../shared/design/architecture.md): a pure core,
// I/O only at the edges, console output only in the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'koffi', 'handlebars', 'execa', 'zx'];
const layer = (allowed) =>
  ['core', 'codegen', 'compile', 'loader', 'report', 'app', 'cli'].filter((name) => !allowed.includes(name)).flatMap((name) => [`../${name}/*`, `../../${name}/*`]);
const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }, { group: ['**/scripts/*'], message: 'scripts/ is for development; src/ never imports it.' }] }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.mesos-matrix/', 'src/shims/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['src/core/**'], rules: restrict(IO_MODULES, layer(['core']), 'src/core is pure: no I/O, and it imports no other layer.') },
  { files: ['src/elf/**'], rules: restrict(IO_MODULES, layer(['elf']), 'src/elf reads the ELF bytes it is given: no I/O, no other layer.') },
  { files: ['src/report/**'], rules: restrict(IO_MODULES, layer(['core', 'report']), 'renderers return strings: no I/O; they read core data only.') },
  { files: ['src/codegen/**'], rules: restrict(['koffi', 'execa', 'child_process', 'node:child_process', 'zx'], layer(['core', 'codegen']), 'codegen renders and writes files; it runs nothing.') },
  { files: ['src/compile/**'], rules: restrict(['koffi', 'handlebars', 'zx'], layer(['core', 'build']), 'build compiles; it imports core only.') },
  { files: ['src/loader/**'], rules: restrict(['handlebars', 'execa', 'zx'], layer(['core', 'loader']), 'loader opens libraries; it imports core types only.') },
  { files: ['src/cli/**', 'scripts/**', 'bin/**'], rules: { 'no-console': 'off' } },
  // Tests beside the code wire real pieces together (compile, then probe); the boundaries are for the code itself.
  { files: ['src/**/*.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['bin/**'], languageOptions: { globals: { process: 'readonly' } } },
);
