import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryOutcome } from '../core/libraryOutcome.js';
import type { Prober } from '../loader/probeLibraries.js';
import type { ProbeItem } from '../loader/probeProtocol.js';
import { libraryDigests, writeAtomically } from '../compile/libraryDigests.js';
import { recentEntries } from '../compile/recentEntries.js';
import { runtimeIdentity } from './runtimeIdentity.js';

/** How many verdicts a run took from the cache, and how many libraries it really opened. */
export interface ProbeCounts {
  readonly reused: number;
  readonly opened: number;
}

export interface CachingProber extends Prober {
  counts(): ProbeCounts;
  /** Starts the child now, ahead of the libraries it will open (its start-up, ~0.15 s, then overlaps the caller's work). */
  prepare(): void;
}

export interface VerdictCacheOptions {
  readonly cacheDir: string;
  /** `--recheck`: open every library for real; what it does is still recorded. */
  readonly recheck: boolean;
}

/**
 * A prober that remembers what opening a library did, keyed by the library string, its content
 * digest, the module looked up and the runtime that opened it (`runtimeIdentity`): a library
 * whose bytes are unchanged is not opened again, and an unchanged warm run starts no child at
 * all. The library string is in the key because dlerror texts name it. An outcome that depends on more than the library's
 * bytes — a crash, a timeout, a write into the protocol, a hang or crash in `compatible()`,
 * processes left running — is never recorded: such a library is opened on every run.
 */
export function cachingProber(start: () => Prober, options: VerdictCacheOptions): CachingProber {
  const file = path.join(options.cacheDir, 'verdicts', `${runtimeIdentity().slice(0, 32)}.json`);
  const recorded = readVerdicts(file);
  // Started on first need only, even on a cold cache: started at once, an idle child (~46 MB)
  // would sit beside the compilers through the whole build, for ~0.1 s of start-up saved.
  let real: Prober | undefined;
  const prober = () => (real ??= start());
  let counts: ProbeCounts = { reused: 0, opened: 0 };
  return {
    async probe(items) {
      const verdicts = await recorded;
      const digests = await libraryDigests(options.cacheDir, items.map((item) => item.library));
      const keys = items.map((item) => verdictKey(item, digests.get(item.library)));
      const cached = keys.map((key) => (key === undefined || options.recheck ? undefined : asOutcome(verdicts[key])));
      // A library is opened for all of its modules or for none, as Mesos opens it once.
      const reopen = new Set(items.filter((_, index) => cached[index] === undefined).map((item) => item.library));
      const todo = items.flatMap((item, index) => (reopen.has(item.library) ? [index] : []));
      const fresh = todo.length === 0 ? [] : await prober().probe(todo.map((index) => items[index] as ProbeItem));
      const outcomes = [...cached];
      todo.forEach((index, local) => (outcomes[index] = fresh[local]));
      let recordedAny = false;
      todo.forEach((index) => {
        const key = keys[index];
        const outcome = outcomes[index];
        if (key !== undefined && outcome !== undefined && isRepeatable(outcome)) {
          verdicts[key] = outcome;
          recordedAny = true;
        }
      });
      // Not written: opened again next time.
      if (recordedAny) await writeAtomically(file, JSON.stringify(recentEntries(verdicts, keys.filter((key) => key !== undefined)))).catch(() => undefined);
      counts = { reused: counts.reused + items.length - todo.length, opened: counts.opened + reopen.size };
      return outcomes.map((outcome, index) => {
        if (!outcome) throw new Error(`no outcome for ${items[index]?.library}`);
        return outcome;
      });
    },
    close() {
      real?.close();
    },
    prepare() {
      prober();
    },
    counts: () => counts,
  };
}

function verdictKey(item: ProbeItem, digest: string | undefined): string | undefined {
  // Only a path names the file dlopen opens; a bare name is searched for (LD_LIBRARY_PATH, ld.so.cache).
  if (digest === undefined || !path.isAbsolute(item.library)) return undefined;
  return createHash('sha256').update(JSON.stringify([item.library, digest, item.symbol])).digest('hex');
}

/** Whether opening the library again would certainly do the same: decided by its bytes alone. */
function isRepeatable(outcome: LibraryOutcome): boolean {
  if (outcome.leftovers !== undefined && outcome.leftovers.length > 0) return false;
  if (outcome.stage === 'crash' || outcome.stage === 'timeout' || outcome.stage === 'protocol' || outcome.stage === 'compile') return false;
  return !(outcome.stage === 'manifest' && 'failed' in outcome.manifest.compatible);
}

/** A recorded outcome, if it has the shape of one (the file is ours, but may be damaged). */
function asOutcome(value: unknown): LibraryOutcome | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { stage?: unknown }).stage === 'string' ? (value as LibraryOutcome) : undefined;
}

async function readVerdicts(file: string): Promise<Record<string, LibraryOutcome>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, LibraryOutcome>) : {};
  } catch {
    return {}; // none yet, or damaged: every library is opened
  }
}
