import { main } from './main.js';

// The process edge: real streams in, exit code out.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  progressStream: process.stderr.isTTY === true ? process.stderr : null,
});
