// The process edge: real streams in, exit code out.
// A matrix run opens libraries in a child process: start it before loading the rest of the
// CLI, so that its start-up (Node and koffi) overlaps ours.
if (process.argv[2] === 'matrix') (await import('../loader/probeLibraries.js')).prestartProber();
const { main } = await import('./main.js');

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  progressStream: process.stderr.isTTY === true ? process.stderr : null,
});
