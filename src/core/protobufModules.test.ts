import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app/paths.js';
import type { FlagRules } from './flagRules.js';
import { picojsonParse, type PicoValue } from './picojson.js';
import { parseModulesMessage } from './protobufModules.js';

const rules = (release: string) => (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'versions', 'releases', `${release}.json`), 'utf8')) as { flags: FlagRules }).flags;
const object = (text: string) => {
  const parsed = picojsonParse(text, { maxDepth: null, throwsOnOverflow: true });
  if (!parsed.ok || !(parsed.value instanceof Map)) throw new Error(text);
  return parsed.value as ReadonlyMap<string, PicoValue>;
};

describe('parseModulesMessage: stout protobuf::parse<Modules> per release', () => {
  it('goes through keys in byte order: where nested errors are swallowed, the message keeps what came before the error', () => {
    const text = '{"libraries": [{"name": "n", "modules": [5], "file": "a"}, {"file": "b"}]}';
    expect(parseModulesMessage(object(text), rules('0.26.0'))).toEqual({
      ok: true,
      config: { libraries: [{ file: 'a', name: null, modules: [] }, { file: 'b', name: null, modules: [] }] },
    });
    expect(parseModulesMessage(object(text), rules('0.26.1'))).toEqual({ ok: false, error: "Not expecting a JSON number for field 'modules'" });
  });

  it('takes an object for a repeated message, flattens nested arrays and ignores unknown keys', () => {
    expect(parseModulesMessage(object('{"libraries": {"file": "a", "modules": [[{"name": "m"}]], "fiel": 1}}'), rules('1.11.0'))).toEqual({
      ok: true,
      config: { libraries: [{ file: 'a', name: null, modules: [{ name: 'm', parameters: [] }] }] },
    });
  });

  it('names every missing required field, after a swallowed error too', () => {
    const text = '{"libraries": [{"modules": [{"parameters": [{"key": 1, "value": "v"}, {"value": "w"}]}]}]}';
    expect(parseModulesMessage(object(text), rules('0.26.0'))).toEqual({
      ok: false,
      error: 'Missing required fields: libraries[0].modules[0].parameters[0].key, libraries[0].modules[0].parameters[0].value, libraries[0].modules[0].parameters[1].key',
    });
    expect(parseModulesMessage(object(text), rules('1.11.0'))).toEqual({ ok: false, error: "Not expecting a JSON number for field 'key'" });
  });

  it('a null is an error until 0.26.x and an unset field from 0.27.0', () => {
    expect(parseModulesMessage(object('{"libraries": [{"file": null}]}'), rules('0.21.0'))).toEqual({ ok: true, config: { libraries: [{ file: null, name: null, modules: [] }] } });
    expect(parseModulesMessage(object('{"libraries": null}'), rules('0.26.2'))).toEqual({ ok: false, error: 'Not expecting a JSON null' });
    expect(parseModulesMessage(object('{"libraries": [null, {"file": null}]}'), rules('0.27.0'))).toEqual({ ok: true, config: { libraries: [{ file: null, name: null, modules: [] }] } });
  });
});
