/**
 * How many entries the verdict file and the library index keep: five times the 780 fixtures of
 * `all`, so that a few revisions' libraries stay cached, while a cache used for years is not
 * read whole (every entry) on each run.
 */
export const MAX_ENTRIES = 4_096;

/**
 * The record with the entries this run touched moved last, cut to the `max` most recent:
 * a record kept in order of last use (JSON keeps the insertion order of non-numeric keys).
 */
export function recentEntries<T>(record: Readonly<Record<string, T>>, touched: Iterable<string>, max = MAX_ENTRIES): Record<string, T> {
  const last = new Set([...touched].filter((key) => key in record));
  const ordered = [...Object.keys(record).filter((key) => !last.has(key)), ...last];
  return Object.fromEntries(ordered.slice(-max).map((key) => [key, record[key] as T]));
}
