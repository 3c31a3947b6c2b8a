import { cppSignature, type CppMethod, type KindInterface } from '../core/kindInterface.js';
import { tsType } from '../core/tsType.js';
import type { Release } from '../core/versionTable.js';
import { createTemplateEngine } from './templateEngine.js';

/** The texts of the shim templates (read by the caller). */
export interface ShimTemplateSources {
  readonly shim: string;
  readonly types: string;
  readonly index: string;
}

/** A generated file: its path relative to the output folder, and its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export interface ShimSelection {
  readonly releases: readonly Release[];
  readonly kinds: ReadonlySet<string>;
  readonly interfaces: ReadonlyMap<string, ReadonlyMap<string, KindInterface>>;
}

// TypeScript reserves these; C++ does not.
const RESERVED = new Set(['arguments', 'await', 'enum', 'eval', 'function', 'in', 'instanceof', 'let', 'package', 'super', 'typeof', 'var', 'with', 'yield', 'interface', 'implements', 'private', 'protected', 'public', 'static']);

/**
 * One TypeScript file per (release, kind) declaring that release's interface, a shared
 * `mesosTypes.ts` with the opaque Mesos types, and an `index.ts` with the
 * `KindInterface<Release, Kind>` type map. Pure: data and templates in, files out.
 */
export function renderShims(selection: ShimSelection, sources: ShimTemplateSources): GeneratedFile[] {
  const engine = createTemplateEngine({});
  const shim = engine.compile<object>(sources.shim);
  const typesTemplate = engine.compile<object>(sources.types);
  const index = engine.compile<object>(sources.index);
  const opaque = new Map<string, Set<string>>();
  const files: GeneratedFile[] = [];
  const releases: Array<{ release: string; kinds: Array<{ kind: string; alias: string }> }> = [];

  for (const release of selection.releases) {
    const kinds: Array<{ kind: string; alias: string }> = [];
    for (const kind of [...release.host.kinds.keys()].filter((name) => selection.kinds.has(name)).sort()) {
      const face = selection.interfaces.get(kind)?.get(release.release);
      if (!face) continue; // no interface data: nothing to declare
      const used = new Map<string, string>();
      const helpers = new Set<string>();
      const methods = face.methods.filter((method) => !method.destructor).map((method) => shimMethod(method, used, helpers));
      for (const [name, spelled] of used) opaque.set(name, (opaque.get(name) ?? new Set()).add(spelled));
      files.push({
        path: `${release.release}/${kind}.ts`,
        content: shim({
          origin: face.file,
          kind,
          release: release.release,
          cppClass: face.cppClass,
          header: face.header,
          wrapper: face.structure === 'wrapper',
          implementsClass: face.implements.cppClass,
          imports: [...used.keys(), ...helpers].sort(),
          methods,
          descriptor: JSON.stringify(
            {
              release: release.release,
              kind,
              cppClass: face.cppClass,
              header: face.header,
              structure: face.structure,
              implements: face.implements.cppClass,
              methods: face.methods.map((method) => ({ name: method.name, signature: cppSignature(method), pure: method.pure })),
            },
            null,
            2,
          ),
        }),
      });
      kinds.push({ kind, alias: `${kind}_${release.release.replace(/\./g, '_')}` });
    }
    if (kinds.length > 0) releases.push({ release: release.release, kinds });
  }

  const origin = 'versions/interfaces';
  files.push({
    path: 'mesosTypes.ts',
    content: typesTemplate({ origin, types: [...opaque].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, spellings]) => ({ name, spellings: [...spellings].sort().join('`, `') })) }),
  });
  files.push({
    path: 'index.ts',
    content: index({ origin, releases, modules: releases.flatMap((entry) => entry.kinds.map((kind) => ({ ...kind, release: entry.release }))) }),
  });
  return files;
}

function shimMethod(method: CppMethod, used: Map<string, string>, helpers: Set<string>) {
  const type = (cpp: string) => {
    const mapped = tsType(cpp);
    for (const [name, spelled] of mapped.opaque) used.set(name, spelled);
    for (const helper of mapped.helpers) helpers.add(helper);
    return mapped.text;
  };
  const names = new Set<string>();
  const params = method.params
    .map((param, index) => {
      let name = param.name === '' ? `arg${index}` : RESERVED.has(param.name) ? `${param.name}_` : param.name;
      while (names.has(name)) name = `${name}_`;
      names.add(name);
      return `${name}${param.default === null ? '' : '?'}: ${type(param.type)}`;
    })
    .join(', ');
  return { name: method.name, optional: !method.pure, params, returns: type(method.returns ?? 'void'), signature: cppSignature(method) };
}
