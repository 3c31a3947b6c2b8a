import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { FlagRules } from '../../src/core/flagRules.js';
import { flagStage, type ModulesSource } from '../../src/core/flagStage.js';
import type { FileRead } from '../../src/core/modulesFlag.js';

/**
 * Every text the flag stage prints and every era boundary of `flags` in versions/releases, each
 * with the tag and file of apache/mesos it was read at (`git show <tag>:<file>`). The texts are
 * recorded here: the test needs neither the network nor ../shared, and checks our output against
 * them.
 */
interface Cited {
  readonly text: string;
  readonly tag: string;
  readonly file: string;
}
const STOUT_OLD = '3rdparty/libprocess/3rdparty/stout/include/stout';
const STOUT = '3rdparty/stout/include/stout';
const T = {
  loadFlag: { text: "Failed to load flag '", tag: '1.11.0', file: `${STOUT}/flags/flags.hpp` },
  loadValue: { text: "Failed to load value '", tag: '1.11.0', file: `${STOUT}/flags/flags.hpp` },
  loadValueOld: { text: "Failed to load value '", tag: '0.21.0', file: `${STOUT_OLD}/flags/loader.hpp` },
  syntax: { text: 'syntax error at line %d near: ', tag: '1.0.0', file: '3rdparty/picojson-1.3.0.tar.gz (picojson.h)' },
  syntaxOld: { text: 'syntax error at line %d near: ', tag: '0.21.0', file: '3rdparty/libprocess/3rdparty/picojson-4f93734.tar.gz (picojson.h)' },
  type: { text: 'Unexpected JSON type parsed', tag: '0.21.0', file: `${STOUT_OLD}/json.hpp` },
  trailing: { text: 'Parsed JSON included non-whitespace trailing characters: ', tag: '0.26.0', file: `${STOUT_OLD}/json.hpp` },
  range: { text: 'Value out of range', tag: '1.5.1', file: `${STOUT}/json.hpp` },
  number: { text: "Not expecting a JSON number for field '", tag: '0.21.0', file: `${STOUT_OLD}/protobuf.hpp` },
  array: { text: "Not expecting a JSON array for field '", tag: '1.11.0', file: `${STOUT}/protobuf.hpp` },
  string: { text: "Not expecting a JSON string for field '", tag: '1.11.0', file: `${STOUT}/protobuf.hpp` },
  null: { text: 'Not expecting a JSON null', tag: '0.26.0', file: `${STOUT_OLD}/protobuf.hpp` },
  missing: { text: 'Missing required fields: ', tag: '0.21.0', file: `${STOUT_OLD}/protobuf.hpp` },
  readFile: { text: "Error reading file '", tag: '0.22.0', file: `${STOUT_OLD}/flags/fetch.hpp` },
  openPath: { text: "Failed to open file '", tag: '0.28.3', file: `${STOUT_OLD}/os/read.hpp` },
  openPlain: { text: 'Failed to open file', tag: '1.0.0', file: `${STOUT}/os/read.hpp` },
  warnA: { text: 'Specifying a absolute filename to read a command line option out of without using', tag: '0.22.0', file: `${STOUT_OLD}/flags/parse.hpp` },
  warnAn: { text: 'Specifying an absolute filename to read a command line option out of without using', tag: '0.27.0', file: `${STOUT_OLD}/flags/parse.hpp` },
  manifests: { text: "Error loading module manifests from '", tag: '1.0.0', file: 'src/module/manager.cpp' },
  opendir: { text: "Failed to opendir '", tag: '1.0.0', file: `${STOUT}/os/ls.hpp` },
  readManifest: { text: "Error reading module manifest file '", tag: '1.0.0', file: 'src/module/manager.cpp' },
  parseManifest: { text: "Error parsing module manifest file '", tag: '1.0.0', file: 'src/module/manager.cpp' },
  slave: { text: 'mesos-slave', tag: '0.28.3', file: 'src/Makefile.am' },
  agent: { text: 'mesos-agent', tag: '1.0.0', file: 'src/Makefile.am' },
  master: { text: 'mesos-master', tag: '1.11.0', file: 'src/Makefile.am' },
} satisfies Record<string, Cited>;

const releasesDir = path.join(PACKAGE_ROOT, 'versions', 'releases');
const releaseFiles = readdirSync(releasesDir).filter((name) => name.endsWith('.json'));
const flagsOf = (release: string) => (JSON.parse(readFileSync(path.join(releasesDir, `${release}.json`), 'utf8')) as { flags: FlagRules }).flags;

const files = (entries: Record<string, FileRead> = {}) => new Map(Object.entries(entries));
const inline = (value: string, reads: Record<string, FileRead> = {}): ModulesSource => ({ flag: 'modules', value, files: files(reads) });
const refusal = (release: string, source: ModulesSource) => flagStage(source, flagsOf(release)).refused?.message ?? null;
const flagLine = (value: string, error: string) => `${T.loadFlag.text}modules': ${T.loadValue.text}${value}': ${error}`;
const ENOENT: FileRead = { ok: false, failed: 'open', strerror: 'No such file or directory' };

describe('the flag stage prints Mesos\'s texts, as read at their tags', () => {
  it('the flag framework\'s frame is the same in every release', () => {
    expect(T.loadValue.text).toBe(T.loadValueOld.text);
    expect(T.syntax.text).toBe(T.syntaxOld.text);
  });

  it.each([
    // [release, --modules value, files read, what follows "Failed to load value '<value>': "]
    ['1.11.0', '{,}', {}, `${T.syntax.text.replace('%d', '1')},}`],
    ['0.21.0', '{\n  "libraries": [],\n}', {}, `${T.syntaxOld.text.replace('%d', '3')}}`],
    ['1.11.0', '[]', {}, T.type.text],
    ['0.26.0', '{} x', {}, `${T.trailing.text} x`],
    ['1.5.1', '{"x": 1e999}', {}, T.range.text],
    ['1.11.0', '{"libraries": [3]}', {}, `${T.number.text}libraries'`],
    ['1.11.0', '{"libraries": [{"file": ["a"]}]}', {}, `${T.array.text}file'`],
    ['1.11.0', '{"libraries": "x"}', {}, `${T.string.text}libraries'`],
    ['0.26.0', '{"libraries": [{"modules": [{"name": null}]}]}', {}, null],
    ['0.26.0', '{"libraries": null}', {}, T.null.text],
    ['0.21.0', '{"libraries": [{"modules": [{"parameters": [{}]}]}]}', {}, `${T.missing.text}libraries[0].modules[0].parameters[0].key, libraries[0].modules[0].parameters[0].value`],
    ['0.28.3', 'file:///m.json', { '/m.json': ENOENT }, `${T.readFile.text}/m.json': ${T.openPath.text}/m.json': No such file or directory`],
    ['1.5.3', 'file:///m.json', { '/m.json': ENOENT }, `${T.readFile.text}/m.json': ${T.openPlain.text}: No such file or directory`],
    ['1.6.0', 'file:///m.json', { '/m.json': ENOENT }, `${T.readFile.text}/m.json': No such file or directory`],
    // 0.21.x reads file:// in parse<JSON::Object> and parses the text as is; 0.22.0 on parses it again, so a path in it is read.
    ['0.21.0', 'file:///m.json', { '/m.json': { ok: true, text: '/n.json' } }, `${T.syntaxOld.text.replace('%d', '1')}/n.json`],
    ['0.22.0', 'file:///m.json', { '/m.json': { ok: true, text: '/n.json' }, '/n.json': ENOENT }, `${T.readFile.text}/n.json': ${T.openPath.text}/n.json': No such file or directory`],
  ] as const)('%s %j', (release, value, reads, error) => {
    expect(refusal(release, inline(value, reads))).toBe(error === null ? null : flagLine(value, error));
  });

  it('an overflowing number aborts where nothing catches picojson\'s exception, and is a number before 0.25.0', () => {
    expect(refusal('1.5.0', inline('{"x": 1e999}'))).toBe("terminate called after throwing an instance of 'std::overflow_error'");
    expect(refusal('0.24.2', inline('{"x": 1e999}'))).toBeNull();
  });

  it('logs the deprecation of a \'/\' path without file:// from 0.22.0, with the article fixed in 0.27.0', () => {
    const reads = { '/m.json': { ok: true, text: '{}' } } as const;
    expect(flagStage(inline('/m.json', reads), flagsOf('0.21.0')).logged).toEqual([]);
    expect(flagStage(inline('/m.json', reads), flagsOf('0.22.0')).logged[0]).toMatch(new RegExp(`^${T.warnA.text} 'file:// is deprecated`));
    expect(flagStage(inline('/m.json', reads), flagsOf('0.27.0')).logged[0]).toMatch(new RegExp(`^${T.warnAn.text} 'file:// is deprecated`));
  });

  it('--modules_dir: os::ls and os::read errors and each file\'s parse error, sorted byte-wise', () => {
    const missing: ModulesSource = { flag: 'modules_dir', dir: '/d/', listing: { ok: false, strerror: 'No such file or directory' }, files: files() };
    expect(flagStage(missing, flagsOf('1.0.0')).manifests).toEqual([
      { source: '/d/', refused: { library: null, module: null, stage: 'manifest-file', message: `${T.manifests.text}/d/' directory: ${T.opendir.text}/d/': No such file or directory` } },
    ]);
    const listed: ModulesSource = { flag: 'modules_dir', dir: '/d/', listing: { ok: true, names: ['b', 'B', 'a'] }, files: files({ '/d/a': { ok: true, text: '{]' }, '/d/B': { ok: false, failed: 'read', strerror: 'Is a directory' }, '/d/b': { ok: true, text: '{}' } }) };
    const stage = flagStage(listed, flagsOf('1.0.0'));
    expect(stage.manifests.map((manifest) => ('refused' in manifest ? manifest.refused.message : manifest.source))).toEqual([
      `${T.readManifest.text}/d/B': Is a directory`,
      `${T.parseManifest.text}/d/a': ${T.syntax.text.replace('%d', '1')}]`,
      '/d/b',
    ]);
  });

  it('names the programs as src/Makefile.am builds them', () => {
    expect([flagsOf('0.28.3').binaries.agent, flagsOf('1.0.0').binaries.agent, flagsOf('1.11.0').binaries.master]).toEqual([T.slave.text, T.agent.text, T.master.text]);
  });
});

/** Each fact of `flags`, per range of releases, with where its boundary was read. */
const ERAS: ReadonlyArray<{ readonly fact: keyof FlagRules; readonly values: ReadonlyArray<readonly [range: string, value: unknown, cited: Cited]> }> = [
  { fact: 'fetch', values: [['<0.22.0', false, { text: 'strings::startsWith(value, "file://")', tag: '0.21.0', file: `${STOUT_OLD}/flags/parse.hpp` }], ['>=0.22.0', true, { text: 'Try<T> fetch(const std::string& value)', tag: '0.22.0', file: `${STOUT_OLD}/flags/fetch.hpp` }]] },
  { fact: 'absolutePathWarning', values: [['<0.22.0', null, T.loadValueOld], ['>=0.22.0 <0.27.0', 'a', T.warnA], ['>=0.27.0', 'an', T.warnAn]] },
  { fact: 'openError', values: [['<1.0.0', 'path', T.openPath], ['>=1.0.0 <1.6.0', 'plain', T.openPlain], ['>=1.6.0', 'errno', { text: 'return ErrnoError();', tag: '1.6.0', file: `${STOUT}/os/read.hpp` }]] },
  {
    fact: 'numberOverflow',
    values: [
      ['<0.25.0', 'accepted', T.syntaxOld],
      ['>=0.25.0 <1.4.2 || 1.5.0', 'terminate', { text: 'throw std::overflow_error("")', tag: '0.25.0', file: '3rdparty/libprocess/3rdparty/picojson-1.3.0.tar.gz (picojson.h)' }],
      ['>=1.4.2 <1.5.0 || >=1.5.1', 'error', T.range],
    ],
  },
  { fact: 'trailingCharacters', values: [['<0.26.0', false, T.type], ['>=0.26.0', true, T.trailing]] },
  { fact: 'maxDepth', values: [['<1.7.1', null, { text: 'ParseContext(Value* _value) : value(_value) {}', tag: '1.7.0', file: `${STOUT}/json.hpp` }], ['>=1.7.1', 200, { text: 'STOUT_JSON_MAX_DEPTH = 200', tag: '1.7.1', file: `${STOUT}/json.hpp` }]] },
  {
    fact: 'nestedErrors',
    values: [
      ['<0.24.2 || 0.25.0 || 0.26.0', 'swallowed', { text: 'parse(reflection->AddMessage(message, field), object);', tag: '0.26.0', file: `${STOUT_OLD}/protobuf.hpp` }],
      ['0.24.2 || 0.25.1 || >=0.26.1', 'propagated', { text: 'if (parse.isError()) {', tag: '0.26.1', file: `${STOUT_OLD}/protobuf.hpp` }],
    ],
  },
  { fact: 'jsonNull', values: [['<0.27.0', 'error', T.null], ['>=0.27.0', 'unset', { text: "We treat 'null' as an unset field.", tag: '0.27.0', file: `${STOUT_OLD}/protobuf.hpp` }]] },
];

describe('versions/releases flags follow the cited boundaries', () => {
  it.each(releaseFiles.map((name) => name.replace(/\.json$/, '')))('%s', (release) => {
    const flags = flagsOf(release);
    for (const { fact, values } of ERAS) {
      const matching = values.filter(([range]) => semver.satisfies(release, range));
      expect(matching, `${release} ${fact}`).toHaveLength(1);
      const [, expected] = matching[0] as (typeof values)[number];
      const actual = fact === 'absolutePathWarning' ? (flags.absolutePathWarning?.match(/^Specifying (an?) /)?.[1] ?? null) : flags[fact];
      expect(actual, `${release} ${fact}`).toEqual(expected);
    }
    expect(flags.binaries).toEqual({ agent: semver.lt(release, '1.0.0') ? T.slave.text : T.agent.text, master: T.master.text });
  });
});
