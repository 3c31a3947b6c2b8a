import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

let identity: string | undefined;

/**
 * What, besides a library's bytes, decides what opening it in a prober child does: the Node
 * binary the child runs (`process.execPath`, its version and arch), koffi's version, and every
 * shared object this process has mapped — glibc (`dlopen`, `dlerror`'s texts), the dynamic
 * loader, libstdc++ and libgcc_s, against which a fixture resolves its C++ runtime, since it
 * links none of its own (`src/compile/compilerArgs.ts`). The child runs the same binary, so it
 * maps the same ones (and koffi's addon, covered by koffi's version). Each file counts by its
 * device, inode, size and mtime: an upgrade of any of them replaces the file, and with it this
 * identity; so do the loader's environment variables, which the child inherits. (`process.report` names the glibc version too, but costs ~75 ms per call.)
 * Computed once per process from `/proc/self/maps`, about a millisecond.
 */
export function runtimeIdentity(): string {
  identity ??= computeIdentity();
  return identity;
}

// Synchronous: a dozen small reads, cheaper than a round trip each through the thread pool.
function computeIdentity(): string {
  const maps = readOr('/proc/self/maps');
  const objects = new Set([process.execPath]);
  for (const line of maps.split('\n')) {
    const file = line.slice(line.indexOf('/'));
    if (line.includes('/') && /\.so(\.|$)/.test(file)) objects.add(file);
  }
  const files = [...objects].sort().map((file) => {
    const info = statSync(file, { bigint: true, throwIfNoEntry: false });
    return info === undefined ? [file, null] : [file, `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`];
  });
  // koffi exports no package.json: read the one beside its entry point.
  const koffiPackage = path.join(path.dirname(require.resolve('koffi')), 'package.json');
  const koffi = (JSON.parse(readOr(koffiPackage) || '{}') as { version?: string }).version ?? null;
  // The child inherits the environment: these change what dlopen finds and what it maps first.
  const loaderEnv = ['LD_PRELOAD', 'LD_LIBRARY_PATH', 'LD_BIND_NOT', 'GLIBC_TUNABLES'].map((name) => process.env[name] ?? null);
  const runtime = { node: process.version, arch: process.arch, platform: process.platform, koffi, files, loaderEnv };
  return createHash('sha256').update(JSON.stringify(runtime)).digest('hex');
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
