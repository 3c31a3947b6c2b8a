import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's own `mkdir(dir, { recursive: true })` never returns for a
 * folder under a file system that refuses new entries with ENOENT (`/proc/nope`: it spins at
 * 100 % CPU, in `fs.mkdirSync` too), so every folder we create goes through here: each missing
 * ancestor is made in turn, from the nearest existing one down, and a refusal is an error with
 * its code and path, which the callers already turn into "cannot write …" (exit 2).
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  const target = path.resolve(dir);
  for (let current = target; ; current = path.dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (info?.isDirectory()) break;
    // As mkdir(2) answers: the folder itself is a file (EEXIST), or a path runs through one (ENOTDIR).
    if (info) throw current === target ? fault('EEXIST', 'file already exists', current) : fault('ENOTDIR', 'not a directory', current);
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    // Another run may make the same folder at the same moment: what exists is what we wanted.
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

function fault(code: string, text: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${text}, mkdir '${file}'`), { code, path: file, syscall: 'mkdir' });
}
