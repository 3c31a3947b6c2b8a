import type { TableOptions } from './renderMatrixTable.js';
import type { SourcePlace } from './workflowCommand.js';

/**
 * Where the value a JSON pointer names sits in a table file, the file named as the result names
 * it (`versions/releases/0.26.0.json`); `null` when it cannot be read. The CLI supplies one that
 * reads the files (`tableLocator` in `src/app`); a renderer never reads a file itself.
 */
export type LocateInTable = (file: string, pointer: string) => SourcePlace | null;

/** What the matrix renderers take besides the run; each format reads the fields it needs. */
export interface MatrixReportOptions extends TableOptions {
  /** `github`: places annotations on the line of the kind's entry; without it, on the file only. */
  readonly locate?: LocateInTable;
  /**
   * `markdown`: where the whole report is (a path or URL), named when the grid is summarised to
   * fit a comment; without it the summary says how to produce the HTML report.
   */
  readonly fullReport?: string | null;
}
