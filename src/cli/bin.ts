// The process edge: real streams in, exit code out.
// check opens the libraries it is given in a child process: start it before loading the rest of
// the CLI, so that its start-up (Node and koffi) overlaps ours. (matrix starts its child itself,
// and only when its verdict cache cannot answer: see src/app/verdictCache.ts.)
if (process.argv[2] === 'check') (await import('../loader/probeLibraries.js')).prestartProber();
const { main } = await import('./main.js');

// A reader that goes away (`mesos-matrix … | head`) is not an error of ours: stop writing to
// it and finish quietly, as cat and git do, instead of dying on an unhandled EPIPE with a stack.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed[name] = true;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => {
    if (!closed.stdout) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!closed.stderr) process.stderr.write(text);
  },
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  progressStream: process.stderr.isTTY === true ? process.stderr : null,
});
