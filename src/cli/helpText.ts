import type { Command } from 'commander';

/** The commands of `mesos-matrix`; a command without its help text here fails to compile. */
export type CommandName = 'matrix' | 'list' | 'generate' | 'diff' | 'check' | 'inspect' | 'init' | 'gate' | 'plan' | 'merge';

const TOOL_ERRORS = `  2  usage, configuration or toolchain error (wrong option, invalid table, no compiler, unwritable cache)
  3  internal error: a bug in mesos-module-matrix, please report it`;

/**
 * What each command's `--help` ends with: examples, then the exit codes (commander's
 * `addHelpText('after', …)`). Kept here, applied by name in main.ts, so that the command files
 * declare options only.
 */
export const HELP_AFTER = {
  matrix: `
Examples:
  mesos-matrix matrix                                   the default releases (0.23.1 0.24.1 0.25.0 0.26.0)
  mesos-matrix matrix --releases ">=1.0.0" --kinds Isolator,Hook
  mesos-matrix matrix --only Isolator/0.24.1@0.25.0     one cell (ids: mesos-matrix list)
  mesos-matrix matrix --what-if Isolator=0.23.1         would admitting older builds be sound?
  mesos-matrix matrix --root . --update                 record a project's expected matrix
  mesos-matrix matrix --format json | jq '.cells[] | select(.loadable)'
  mesos-matrix matrix --releases all --format html --output reports/matrix.html
  mesos-matrix matrix --format junit --output matrix.xml  tests for CI (and Markdown into $GITHUB_STEP_SUMMARY when set)
  mesos-matrix matrix --format github                   ::error annotations on the release files' lines

Exit codes:
  0  every cell and documented row as expected
  1  a cell or documented row differs, or an admission is unsound (each is listed)
${TOOL_ERRORS}
`,
  list: `
Examples:
  mesos-matrix list --releases ">=1.2.0 <1.3.0"
  mesos-matrix list --releases 0.28.x --kinds Isolator --format json

Exit codes:
  0  the selection is valid (and printed)
${TOOL_ERRORS}
`,
  generate: `
Examples:
  mesos-matrix generate                                 TypeScript shims for the default releases into src/shims
  mesos-matrix generate --releases 0.28.x --kinds Isolator --out my/shims --cpp-out my/include
  mesos-matrix generate --check                         in CI: are the committed shims up to date?

Exit codes:
  0  written, or (--check) every file is as generated
  1  (--check) a file is stale, missing or orphaned (each is listed with a diff)
${TOOL_ERRORS}
`,
  diff: `
Examples:
  mesos-matrix diff 0.23.1 0.24.1
  mesos-matrix diff 0.28.3 1.0.0 --kind Isolator --releases all
  mesos-matrix diff 1.10.0 1.11.0 --format json
  mesos-matrix diff 0.28.3 1.0.0 --format markdown --no-step-summary > comment.md

Exit codes:
  0  the differences are printed (a difference is not a failure)
${TOOL_ERRORS}
`,
  check: `
Examples:
  mesos-matrix check --mesos 0.25.0 --modules file:///etc/mesos/modules.json
  mesos-matrix check --modules '{"libraries":[{"name":"examplemodule","modules":[{"name":"org_apache_mesos_TestModule"}]}]}'
  mesos-matrix check --modules-dir /etc/mesos/modules.d --releases ">=1.0.0" --format json
  mesos-matrix check --modules file:///etc/mesos/modules.json --format junit --output reports/check.xml

Exit codes:
  0  every checked release loads the configuration
  1  some release would refuse it (Mesos's message, and every further problem, are printed)
${TOOL_ERRORS}
`,
  inspect: `
Examples:
  mesos-matrix inspect build/libmyisolator.so                     ELF facts, manifests, verdicts of the default releases
  mesos-matrix inspect build/libmyisolator.so --releases all --format json
  mesos-matrix inspect build/libmyisolator.so --stub-missing      libmesos-X.so not here: stand-ins let its manifests be read
  mesos-matrix inspect build/libmyisolator.so --no-exec           static facts only: no code of the library runs

Exit codes:
  0  every selected release loads every module each library offers
  1  some release refuses a module (Mesos's message and a hint are printed), or a library offers no module or cannot load here
${TOOL_ERRORS.replace('(wrong option,', '(a library file that does not exist, wrong option,')}
`,
  init: `
Examples:
  mesos-matrix init                                     the default releases, into the current folder
  mesos-matrix init --releases 1.10.0,1.11.0 --root my-fork
  mesos-matrix matrix --root my-fork                    then check the new table

Exit codes:
  0  the layout was written
${TOOL_ERRORS.replace('(wrong option,', '(a file exists and no --force, wrong option,')}
`,
  gate: `
Examples:
  mesos-matrix gate                                     the working tree against the merge base with the default branch
  mesos-matrix gate --base origin/main --format json
  mesos-matrix gate --root my-fork --base v1.11.0       a fork's own table
  mesos-matrix gate --format github                     annotations on the kind's line of the release file
  mesos-matrix gate --format junit --output reports/gate.xml

Exit codes:
  0  nothing fails (changes, relaxations and "could relax" are information)
  1  an unsound admission, a missing bump, or stale shims or expected matrix (each names its rule)
${TOOL_ERRORS.replace('(wrong option,', '(not a git repository, unknown --base, wrong option,')}
`,
  plan: `
Examples:
  mesos-matrix plan --releases all --shards 4                       which fixtures each of 4 machines builds
  mesos-matrix plan --releases all --shards 4 --format github-matrix  {"include":[{"shard":"1/4",…},…]} for fromJSON

Exit codes:
  0  the plan is printed (never empty: at least one shard, at most one per fixture)
${TOOL_ERRORS}
`,
  merge: `
Examples:
  mesos-matrix matrix --releases all --shard 2/4 --format json > shard-2.json    on each machine
  mesos-matrix merge shard-*.json                                               the whole matrix, as one run prints it
  mesos-matrix merge shard-*.json --format json --output matrix.json
  mesos-matrix merge shard-*.json --update                                      record the expected matrix once

Exit codes:
  0  every cell and documented row as expected
  1  a cell or documented row differs, or an admission is unsound (each is listed)
${TOOL_ERRORS.replace('(wrong option,', '(a shard missing, given twice, or of another table, tool version or selection — each file named; wrong option,')}
`,
} as const satisfies Record<CommandName, string>;

/** Appends each command's examples and exit codes to its `--help`. */
export function addHelpTexts(program: Command): void {
  for (const command of program.commands) {
    const text = (HELP_AFTER as Record<string, string>)[command.name()];
    if (text === undefined) throw new Error(`no help text for the command ${command.name()} (add it to src/cli/helpText.ts)`);
    command.addHelpText('after', text);
  }
}
