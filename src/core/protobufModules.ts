import type { FlagRules } from './flagRules.js';
import type { ModulesConfig } from './modulesConfig.js';
import type { PicoValue } from './picojson.js';

/**
 * The `Modules` message (`include/mesos/module/module.proto`; `mesos::internal::Modules` in
 * `0.21.0:src/messages/messages.proto`, the same fields) and `Parameter` (`mesos.proto`: `key`
 * and `value` are `required`). Field order is the field numbers'.
 */
type MessageType = 'modules' | 'library' | 'module' | 'parameter';
interface Field {
  readonly type: 'string' | MessageType;
  readonly repeated: boolean;
}
const FIELDS: Readonly<Record<MessageType, Readonly<Record<string, Field>>>> = {
  modules: { libraries: { type: 'library', repeated: true } },
  library: { file: { type: 'string', repeated: false }, name: { type: 'string', repeated: false }, modules: { type: 'module', repeated: true } },
  module: { name: { type: 'string', repeated: false }, parameters: { type: 'parameter', repeated: true } },
  parameter: { key: { type: 'string', repeated: false }, value: { type: 'string', repeated: false } },
};
const REQUIRED: Readonly<Record<MessageType, readonly string[]>> = { modules: [], library: [], module: [], parameter: ['key', 'value'] };

/** A message being filled: set strings and added sub-messages, by field name. */
type Message = Map<string, string | Message[]>;

export type ModulesParse = { readonly ok: true; readonly config: ModulesConfig } | { readonly ok: false; readonly error: string };

/**
 * stout `protobuf::parse<Modules>(JSON::Object)` (`protobuf.hpp` of the release): the object's
 * keys in `std::map` (byte) order, unknown keys ignored, the first error returned — or, where the
 * release swallows errors of nested messages, that message left as far as it got — then
 * `Missing required fields: <paths>` (protobuf's `InitializationErrorString`).
 */
export function parseModulesMessage(object: ReadonlyMap<string, PicoValue>, rules: FlagRules): ModulesParse {
  const root: Message = new Map();
  const error = fillMessage(root, 'modules', object, rules);
  if (error !== null) return { ok: false, error };
  const missing = initializationErrors(root, 'modules', '');
  if (missing.length > 0) return { ok: false, error: `Missing required fields: ${missing.join(', ')}` };
  return { ok: true, config: toConfig(root) };
}

function fillMessage(message: Message, type: MessageType, object: ReadonlyMap<string, PicoValue>, rules: FlagRules): string | null {
  const keys = [...object.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const key of keys) {
    const field = FIELDS[type][key];
    if (field === undefined) continue;
    const error = apply(message, key, field, object.get(key) as PicoValue, rules);
    if (error !== null) return error;
  }
  return null;
}

/** stout's `Parser` visitor for one JSON value of one field. */
function apply(message: Message, name: string, field: Field, value: PicoValue, rules: FlagRules): string | null {
  if (value === null) return rules.jsonNull === 'error' ? 'Not expecting a JSON null' : null;
  if (Array.isArray(value)) {
    if (!field.repeated) return `Not expecting a JSON array for field '${name}'`;
    for (const item of value as readonly PicoValue[]) {
      const error = apply(message, name, field, item, rules);
      if (error !== null) return error;
    }
    return null;
  }
  if (value instanceof Map) {
    if (field.type === 'string') return `Not expecting a JSON object for field '${name}'`;
    // A JSON object for a repeated message field adds one element (`AddMessage`).
    const child: Message = new Map();
    const list = (message.get(name) as Message[] | undefined) ?? [];
    list.push(child);
    message.set(name, list);
    const error = fillMessage(child, field.type, value, rules);
    return rules.nestedErrors === 'propagated' ? error : null;
  }
  if (typeof value === 'string') {
    if (field.type !== 'string') return `Not expecting a JSON string for field '${name}'`;
    message.set(name, value);
    return null;
  }
  return `Not expecting a JSON ${typeof value === 'number' ? 'number' : 'boolean'} for field '${name}'`;
}

/** protobuf's `FindInitializationErrors`: own required fields, then sub-messages as `field[i].`. */
function initializationErrors(message: Message, type: MessageType, prefix: string): string[] {
  const errors = REQUIRED[type].filter((name) => !message.has(name)).map((name) => `${prefix}${name}`);
  for (const [name, field] of Object.entries(FIELDS[type])) {
    if (field.type === 'string') continue;
    const list = (message.get(name) as Message[] | undefined) ?? [];
    list.forEach((child, index) => errors.push(...initializationErrors(child, field.type as MessageType, `${prefix}${name}[${index}].`)));
  }
  return errors;
}

function toConfig(root: Message): ModulesConfig {
  const text = (message: Message, name: string) => (message.get(name) as string | undefined) ?? null;
  const list = (message: Message, name: string) => (message.get(name) as Message[] | undefined) ?? [];
  return {
    libraries: list(root, 'libraries').map((library) => ({
      file: text(library, 'file'),
      name: text(library, 'name'),
      modules: list(library, 'modules').map((module) => ({
        name: text(module, 'name'),
        parameters: list(module, 'parameters').map((parameter) => ({ key: text(parameter, 'key') ?? '', value: text(parameter, 'value') ?? '' })),
      })),
    })),
  };
}
