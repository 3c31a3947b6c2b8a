// The process edge: real streams in, exit code out. bin/mesos-matrix.js runs this from the CLI's
// bundle (see scripts/bundle-cli.ts), which is CommonJS: hence no top-level await here.
// check opens the libraries it is given in a child process: start it before loading the rest of
// the CLI, so that its start-up (Node and koffi) overlaps ours. (matrix starts its child itself,
// and only when its verdict cache cannot answer: see src/app/verdictCache.ts.)
async function run(): Promise<number> {
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

  return main(process.argv.slice(2), {
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
}

// main catches everything it can; what escapes it is left to Node, which prints it and exits 1.
void run().then((code) => {
  process.exitCode = code;
});
