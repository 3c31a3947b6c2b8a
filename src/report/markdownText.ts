/** Text inside a Markdown table cell: no line breaks, `|` escaped, nothing read as markup. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text).replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/** Text read literally: GitHub-flavoured Markdown's inline markup characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#~]/g, (char) => `\\${char}`);
}

/** Inline code that survives backticks in the text (CommonMark: a longer fence). */
export function markdownCode(text: string): string {
  const fence = '`'.repeat((text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/**
 * GitHub caps an issue or pull-request comment at 65,536 characters; a report stays below this,
 * with room for a heading a workflow may put around it.
 */
export const MARKDOWN_BUDGET = 60_000;
/** A fenced code block that no backtick run inside the text can close early (CommonMark). */
export function markdownFence(text: string, info = 'text'): string {
  const longest = (text.match(/`{3,}/g) ?? []).reduce((most, run) => Math.max(most, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text}\n${fence}`;
}
