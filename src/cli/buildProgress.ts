import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import type * as CliProgress from 'cli-progress';
import type { ObserveEvent } from '../app/observeFixtures.js';
import { plural } from '../report/plural.js';
import type { CliIo } from './cliIo.js';

/**
 * Compile progress on stderr (stdout stays clean for JSON). On a terminal a live bar with
 * done/total, what is compiling and the elapsed time; elsewhere (CI, pipes) two plain lines per
 * build. Nothing at all when every library is cached. A run may build twice: when a release's
 * library is built again a fixture per library, the first build is closed and the reason said.
 */
export function createBuildProgress(io: CliIo) {
  let bar: SingleBar | undefined;
  let started = 0;
  let total = 0;
  let failed = 0;
  let done = 0;
  /** Closes the current build's display: the bar stops (its timer would keep the process alive), the plain summary is written. */
  const close = () => {
    if (total === 0) return;
    bar?.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // A run stopped by a fault (a broken compiler, a full cache) says so itself; no summary of a build that did not finish.
    if (!bar && done === total) io.stderr(`compiled ${libraries(total - failed)} in ${seconds} s${failed > 0 ? ` (${failed} failed to compile)` : ''}\n`);
    bar = undefined;
    total = 0;
  };
  return {
    onEvent(event: ObserveEvent) {
      switch (event.type) {
        case 'fallback':
          close();
          io.stderr(`${event.library} ${event.reason}: building its ${plural(event.fixtures, 'fixture')} a library each…\n`);
          return;
        case 'plan': {
          close();
          total = event.toCompile;
          done = 0;
          failed = 0;
          if (total === 0) return;
          started = performance.now();
          if (io.progressStream) {
            // Loaded only for a live bar: a run that compiles nothing, or not on a terminal, never needs it.
            const { SingleBar: Bar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
            bar = new Bar({
              stream: io.progressStream,
              format: 'compiling {bar} {value}/{total} libraries · {duration}s · {current}',
              hideCursor: true,
              clearOnComplete: true,
              barsize: 24,
            });
            bar.start(total, 0, { current: '' });
          } else {
            const cached = event.total - total;
            const what = cached === 0 ? `${libraries(total)} (${plural(event.fixtures, 'fixture')})` : `${total} of ${libraries(event.total)} (${plural(event.fixtures, 'fixture')}; ${cached} cached)`;
            io.stderr(`compiling ${what} with ${plural(event.jobs, 'job')}…\n`);
          }
          return;
        }
        case 'compiling':
          bar?.update({ current: event.id });
          return;
        case 'compiled':
          if (event.outcome.status === 'failed') failed++;
          done++;
          bar?.increment(1, { current: event.id });
      }
    },
    stop: close,
  };
}

function libraries(count: number): string {
  return `${count} ${count === 1 ? 'library' : 'libraries'}`;
}
