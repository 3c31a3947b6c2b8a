/**
 * How one release's flag parser reads `--modules` (and each `--modules_dir` file), the facts that
 * differ between releases (`versions/releases/<release>.json` `flags`). Each boundary is cited,
 * as `{ text, tag, file }`, in `test/data/mesosTexts.test.ts`.
 */
export interface FlagRules {
  /** The programs' names, as glibc's dlerror() names the main program (`src/Makefile.am` `sbin_PROGRAMS`). */
  readonly binaries: { readonly agent: string; readonly master: string };
  /**
   * `false` (0.21.x): `flags::parse<JSON::Object>` itself reads a value starting with `/` or
   * `file://`; `true` (0.22.0 on): `flags::fetch` reads `file://…`, then `parse<JSON::Object>`
   * reads a value starting with `/` and logs `absolutePathWarning`.
   */
  readonly fetch: boolean;
  /** The `LOG(WARNING)` for a value starting with `/` (0.22.0 on), else `null`. */
  readonly absolutePathWarning: string | null;
  /**
   * stout `os::read`'s error when the file cannot be opened: `path` — `Failed to open file
   * '<path>': <strerror>` (to 0.28.x); `plain` — `Failed to open file: <strerror>` (1.0.0 – 1.5.x);
   * `errno` — `<strerror>` alone (1.6.0 on).
   */
  readonly openError: 'path' | 'plain' | 'errno';
  /**
   * A number that overflows a double: `accepted` (picojson 4f93734, to 0.24.x); `terminate`
   * (picojson 1.3.0 throws and nothing catches it: the program aborts); `error` (stout catches it:
   * `Value out of range`, 1.4.2, 1.4.3 and 1.5.1 on).
   */
  readonly numberOverflow: 'accepted' | 'terminate' | 'error';
  /** stout `JSON::parse` refuses non-whitespace after the value (0.26.0 on). */
  readonly trailingCharacters: boolean;
  /** stout's ParseContext nesting limit (1.7.1 on), else `null`. */
  readonly maxDepth: number | null;
  /**
   * stout `protobuf.hpp`: an error inside a nested message is `swallowed` (the message keeps the
   * fields set before it) or `propagated`. Not monotonic: propagated in 0.24.2, 0.25.1, 0.26.1,
   * 0.26.2 and from 0.27.0.
   */
  readonly nestedErrors: 'swallowed' | 'propagated';
  /** A JSON `null` value: `error` (`Not expecting a JSON null`, to 0.26.x) or `unset` (0.27.0 on). */
  readonly jsonNull: 'error' | 'unset';
}
