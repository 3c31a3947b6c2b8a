/** A place in a file, 1-based, as GitHub's `file=…,line=…,col=…` takes it. */
export interface SourcePlace {
  /** The path as GitHub should show it: relative to the repository root (the working directory). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type WorkflowLevel = 'error' | 'warning' | 'notice';

export interface WorkflowAnnotation {
  readonly level: WorkflowLevel;
  readonly title: string;
  readonly message: string;
  /** Where to annotate; without it GitHub shows the annotation on the run only. */
  readonly place?: SourcePlace | { readonly file: string; readonly line?: undefined } | null;
}

/**
 * GitHub's escaping of workflow command data: `%`, `\r`, `\n` (a message spans lines only as
 * `%0A`). https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
 */
export function escapeWorkflowData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Property values additionally escape `:` and `,`, which separate the properties. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::error file=versions/releases/0.26.0.json,line=12,col=19,title=…::message` */
export function workflowCommand(annotation: WorkflowAnnotation): string {
  const { place } = annotation;
  const properties: Array<[string, string]> = [];
  if (place) properties.push(['file', place.file]);
  if (place?.line !== undefined) properties.push(['line', String(place.line)], ['col', String(place.column)]);
  properties.push(['title', annotation.title]);
  const list = properties.map(([key, value]) => `${key}=${escapeWorkflowProperty(value)}`).join(',');
  return `::${annotation.level} ${list}::${escapeWorkflowData(annotation.message)}`;
}

/**
 * GitHub shows at most 10 error annotations per step and 50 per job; more only lengthen the log.
 * Beyond `limit`, one notice says how many were left out and where to read them all.
 */
export function workflowCommands(annotations: readonly WorkflowAnnotation[], limit: number, rest: string): string[] {
  const lines = annotations.slice(0, limit).map(workflowCommand);
  if (annotations.length > limit) {
    lines.push(workflowCommand({ level: 'warning', title: `${annotations.length - limit} more not annotated`, message: `${annotations.length - limit} more of ${annotations.length} not annotated here: ${rest}` }));
  }
  return lines;
}

/** The most annotations a report prints (GitHub's per-job cap). */
export const ANNOTATION_LIMIT = 50;
