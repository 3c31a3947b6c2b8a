import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { GENERATE_FORMATS, GENERATE_LANGS, type GenerateFormat, type GenerateLang } from '../../report/formats.js';
import type { CliIo } from '../cliIo.js';
import { addSelectionOptions, cacheDirFrom, formatOption, selectionFrom } from '../options.js';

export function generateCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const command = program
    .command('generate')
    .description('generate per-release interface shims from the version table: TypeScript (--lang ts) or C++ headers with the module manifest (--lang cpp)');
  // The package ships the shims of every release: the default selection is what `generate --check` checks.
  addSelectionOptions(command, false, 'all');
  command
    .addOption(new Option('--lang <list>', `what to write: ${GENERATE_LANGS.join(', ')} or both (ts,cpp)`).default('ts'))
    .option('--out <dir>', 'a folder of its own for the TypeScript shims', 'src/shims')
    .option('--cpp-out <dir>', 'a folder of its own for the C++ headers', 'include/mesos-matrix')
    .option('--check', 'write nothing; exit 1 listing stale, missing and orphaned files with a diff', false)
    .option('--prune', 'remove the files generated earlier into the folder that this run does not generate (listed)', false)
    .addOption(formatOption(GENERATE_FORMATS, 'text'))
    .action(async (raw: Record<string, unknown>, self: Command) => {
      const langs = langsFrom(String(raw['lang']));
      for (const [flag, key, lang] of [['--out', 'out', 'ts'], ['--cpp-out', 'cppOut', 'cpp']] as const) {
        if (self.getOptionValueSource(key) === 'cli' && !langs.includes(lang)) throw new UsageError(`${flag} is where --lang ${lang} writes, but --lang is ${langs.join(',')}`, `add --lang ${[...langs, lang].join(',')}, or leave out ${flag}`);
      }
      const [{ generateShims }, { generateExitCode, GENERATE_RENDERERS }] = await Promise.all([import('../../app/generateShims.js'), import('../../report/renderGenerate.js')]);
      const selection = selectionFrom(raw);
      const targets = await generateShims({
        releases: selection.releases,
        kinds: selection.kinds,
        langs,
        out: String(raw['out']),
        cppOut: String(raw['cppOut']),
        check: raw['check'] === true,
        prune: raw['prune'] === true,
        cwd: process.cwd(),
        tableDir: selection.tableDir,
        cacheDir: cacheDirFrom(raw, io),
        templatesDir: selection.templatesDir,
      });
      io.stdout(GENERATE_RENDERERS[raw['format'] as GenerateFormat](targets));
      setExitCode(generateExitCode(targets));
    });
}

function langsFrom(text: string): GenerateLang[] {
  const langs = [...new Set(text.split(',').map((part) => part.trim()))];
  const unknown = langs.filter((lang) => !(GENERATE_LANGS as readonly string[]).includes(lang));
  if (unknown.length > 0 || langs.length === 0) throw new UsageError(`--lang ${JSON.stringify(text)}: unknown ${unknown.join(', ')}`, `give ${GENERATE_LANGS.join(', ')} or both (--lang ts,cpp)`);
  return GENERATE_LANGS.filter((lang) => langs.includes(lang));
}
