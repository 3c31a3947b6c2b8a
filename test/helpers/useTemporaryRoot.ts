import { inject } from 'vitest';

// A setup file, run in each test worker: whatever the tests and the processes they start put in
// the temp dir (tsx's cache of the prober child, a compiler's scratch files, a stray mkdtemp)
// lands in the run's temporary root, which temporaryRoot.ts removes at the end.
process.env['TMPDIR'] = inject('temporaryRoot');
