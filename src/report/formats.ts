/**
 * The output formats and layouts each command offers. Kept apart from the renderers so that the
 * command line can be declared without loading them.
 */
export const MATRIX_FORMATS = ['text', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];
/** `matrix --format table`, its name before every command called the human format `text`. */
export const MATRIX_FORMAT_ALIASES = { table: 'text' } as const satisfies Record<string, MatrixFormat>;

export const LAYOUTS = ['auto', 'grid', 'summary'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LIST_FORMATS = ['text', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const DIFF_FORMATS = ['text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const CHECK_FORMATS = ['text', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const GENERATE_FORMATS = ['text', 'json'] as const;
export type GenerateFormat = (typeof GENERATE_FORMATS)[number];

/** What `generate --lang` writes: TypeScript shims, C++ headers. */
export const GENERATE_LANGS = ['ts', 'cpp'] as const;
export type GenerateLang = (typeof GENERATE_LANGS)[number];
