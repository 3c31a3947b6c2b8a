import { plural } from './plural.js';

/** What `initProject` laid out. */
export interface InitSummary {
  /** The project folder, absolute. */
  readonly root: string;
  /** The releases of its table (its `default` set). */
  readonly releases: readonly string[];
  /** The files written, relative to the root, with `/`. */
  readonly files: readonly string[];
  /** Those of them that existed and were overwritten (`force`). */
  readonly overwritten: readonly string[];
}

/** The files written and what to run next; `shownRoot` is the folder as the user named it. */
export function renderInit(summary: InitSummary, shownRoot: string): string {
  const overwritten = summary.overwritten.length > 0 ? `, ${summary.overwritten.length} of them overwritten` : '';
  return [
    `wrote ${plural(summary.files.length, 'file')} into ${shownRoot} for ${plural(summary.releases.length, 'release')} (${summary.releases.join(' ')})${overwritten}:`,
    ...summary.files.map((file) => `  ${file}`),
    '',
    `Next: mesos-matrix matrix --root ${shownRoot}`,
    'Add a release as versions/releases/<release>.json (and its kinds to versions/interfaces/), list it in versions/sets.json,',
    'then record what it does with mesos-matrix matrix --root <dir> --update. A templates/ folder there replaces the package\'s fixture templates.',
    '',
  ].join('\n');
}
