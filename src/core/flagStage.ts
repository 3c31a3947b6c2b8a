import type { FlagRules } from './flagRules.js';
import { fetchModules, parseModules, readErrorText, type FileReads, type ParsedText } from './modulesFlag.js';
import type { LoadProblem, SourcedConfig } from './simulateLoad.js';

/** What the command line gave, read once for every release: the I/O is done, the parsing is per release. */
export type ModulesSource =
  | { readonly flag: 'modules'; readonly value: string; readonly files: FileReads }
  | {
      readonly flag: 'modules_dir';
      readonly dir: string;
      /** `os::ls`: the entries (not `.`/`..`), or `strerror(errno)` of `opendir`. */
      readonly listing: { readonly ok: true; readonly names: readonly string[] } | { readonly ok: false; readonly strerror: string };
      readonly files: FileReads;
    };

export interface FlagStage {
  /** The flag parser's (or the program's) refusal: nothing loads. */
  readonly refused: LoadProblem | null;
  /** The JSON text the refusal came from (for our located hint), `null` when none was parsed. */
  readonly refusedText: ParsedText | null;
  /** The manifests `load()` goes through; a `--modules_dir` file it cannot read or parse is refused in its turn. */
  readonly manifests: readonly SourcedConfig[];
  /** Each manifest's JSON text, parallel to `manifests` (`null`: nothing was parsed). */
  readonly texts: ReadonlyArray<ParsedText | null>;
  /** Mesos's own `LOG(WARNING)` lines. */
  readonly logged: readonly string[];
}

const flagProblem = (message: string, stage: 'flags' | 'manifest-file' = 'flags'): LoadProblem => ({ library: null, module: null, stage, message });

/**
 * One release's reading of `--modules` (the flag framework: `Failed to load flag 'modules':
 * Failed to load value '<value>': <error>`, stout `flags/flags.hpp`) or of `--modules_dir`
 * (`ModuleManager::load(modulesDir)`, loader-facts §7: listed, sorted byte-wise, each file read
 * with `os::read` and parsed with `flags::parse<Modules>`).
 */
export function flagStage(source: ModulesSource, rules: FlagRules): FlagStage {
  if (source.flag === 'modules') {
    const parsed = fetchModules(source.value, rules, source.files);
    if (!parsed.ok) {
      // An exception nothing catches ends the program with libstdc++'s line, not the flag error.
      const line = parsed.aborts ? parsed.error : `Failed to load flag 'modules': Failed to load value '${source.value}': ${parsed.error}`;
      return { refused: flagProblem(line), refusedText: parsed.parsed, manifests: [], texts: [], logged: parsed.logged };
    }
    return { refused: null, refusedText: null, manifests: [{ source: null, config: parsed.config }], texts: [parsed.parsed], logged: parsed.logged };
  }
  const { dir, listing } = source;
  if (!listing.ok) {
    const refused = flagProblem(`Error loading module manifests from '${dir}' directory: Failed to opendir '${dir}': ${listing.strerror}`, 'manifest-file');
    return { refused: null, refusedText: null, manifests: [{ source: dir, refused }], texts: [null], logged: [] };
  }
  const manifests: SourcedConfig[] = [];
  const texts: Array<ParsedText | null> = [];
  const logged: string[] = [];
  // `std::list<std::string>::sort`: byte-wise.
  const names = [...listing.names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) {
    const path = stoutJoin(dir, name);
    const read = source.files.get(path);
    if (read === undefined) throw new Error(`${path} was never read`);
    if (!read.ok) {
      manifests.push({ source: path, refused: flagProblem(`Error reading module manifest file '${path}': ${readErrorText(path, read, rules)}`, 'manifest-file') });
      texts.push(null);
      continue;
    }
    const parsed = parseModules(read.text, path, rules, source.files);
    logged.push(...parsed.logged);
    if (parsed.ok) manifests.push({ source: path, config: parsed.config });
    // The program aborts in load(): what it loaded before no longer matters.
    else if (parsed.aborts) return { refused: flagProblem(parsed.error), refusedText: parsed.parsed, manifests: [], texts: [], logged };
    else manifests.push({ source: path, refused: flagProblem(`Error parsing module manifest file '${path}': ${parsed.error}`, 'manifest-file') });
    texts.push(parsed.parsed);
  }
  return { refused: null, refusedText: null, manifests, texts, logged };
}

/** stout `path::join(a, b)`: one trailing `/` of `a` and one leading `/` of `b` dropped, joined by `/`. */
export function stoutJoin(a: string, b: string): string {
  return `${a.endsWith('/') ? a.slice(0, -1) : a}/${b.startsWith('/') ? b.slice(1) : b}`;
}
