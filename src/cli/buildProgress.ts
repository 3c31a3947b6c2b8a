import type { BuildEvent } from '../build/buildFixtures.js';
import type { CliIo } from './main.js';

/** A live "compiling n/total" line on a terminal's stderr; silent otherwise. */
export function createBuildProgress(io: CliIo, live: boolean) {
  let done = 0;
  let shown = false;
  return {
    onEvent(event: BuildEvent) {
      if (event.type === 'done') done++;
      if (!live || event.type !== 'compiling') return;
      shown = true;
      io.stderr(`\r\x1b[2Kcompiling ${event.id} (${done} done)`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
