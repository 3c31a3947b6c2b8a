/**
 * The output formats and layouts each command offers. Kept apart from the renderers so that the
 * command line can be declared without loading them.
 */

/**
 * What `matrix`, `check` and `diff` (and the gate) render their result as: `text` for a
 * terminal, `json` for scripts, and the CI forms — `markdown` (a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`), `junit` (XML that CI shows as tests), `github` (workflow commands
 * that annotate the table's files) and `html` (one self-contained page).
 */
export const REPORT_FORMATS = ['text', 'json', 'markdown', 'junit', 'github', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MATRIX_FORMATS = REPORT_FORMATS;
export type MatrixFormat = ReportFormat;
/** `matrix --format table`, its name before every command called the human format `text`. */
export const MATRIX_FORMAT_ALIASES = { table: 'text' } as const satisfies Record<string, MatrixFormat>;

export const LAYOUTS = ['auto', 'grid', 'summary'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LIST_FORMATS = ['text', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const DIFF_FORMATS = REPORT_FORMATS;
export type DiffFormat = ReportFormat;

export const CHECK_FORMATS = REPORT_FORMATS;
export type CheckFormat = ReportFormat;

export const GENERATE_FORMATS = ['text', 'json'] as const;
export type GenerateFormat = (typeof GENERATE_FORMATS)[number];

/** What `generate --lang` writes: TypeScript shims, C++ headers. */
export const GENERATE_LANGS = ['ts', 'cpp'] as const;
export type GenerateLang = (typeof GENERATE_LANGS)[number];

export const INSPECT_FORMATS = ['text', 'json'] as const;
export type InspectFormat = (typeof INSPECT_FORMATS)[number];
