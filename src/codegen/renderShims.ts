import { cppSignature, type CppMethod, type KindInterface } from '../core/kindInterface.js';
import { GENERATE_TEMPLATES } from './fixtureTemplates.js';
import { tsType } from '../core/tsType.js';
import { selectedFaces, type GenerateSelection } from './generateSelection.js';
import { createTemplateEngine } from './templateEngine.js';

/** The texts of the shim templates (read by the caller). */
export interface ShimTemplateSources {
  readonly shim: string;
  readonly reexport: string;
  readonly types: string;
  readonly index: string;
}

/** A generated file: its path relative to the output folder, and its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

// TypeScript reserves these; C++ does not.
const RESERVED = new Set(['arguments', 'await', 'enum', 'eval', 'function', 'in', 'instanceof', 'let', 'package', 'super', 'typeof', 'var', 'with', 'yield', 'interface', 'implements', 'private', 'protected', 'public', 'static']);

/**
 * One TypeScript file per (release, kind) declaring that release's interface, a shared
 * `mesosTypes.ts` with the opaque Mesos types, and an `index.ts` with the
 * `KindInterface<Release, Kind>` type map. A release whose interface of a kind reads exactly as
 * an earlier selected release's gets a file re-exporting that one, so the tree shows where
 * interfaces changed. Pure: data and templates in, files out.
 */
export function renderShims(selection: GenerateSelection, sources: ShimTemplateSources): GeneratedFile[] {
  const engine = createTemplateEngine({});
  const shim = engine.compile<ShimView>(sources.shim, GENERATE_TEMPLATES.shim);
  const reexport = engine.compile<{ origin: string; kind: string; release: string; declaredIn: string }>(sources.reexport, GENERATE_TEMPLATES.reexport);
  const typesTemplate = engine.compile<object>(sources.types, GENERATE_TEMPLATES.types);
  const index = engine.compile<object>(sources.index, GENERATE_TEMPLATES.index);
  const opaque = new Map<string, Set<string>>();
  const files: GeneratedFile[] = [];
  // kind → the shim's text without its release → the first release declaring it
  const declared = new Map<string, Map<string, string>>();
  const releases: Array<{ release: string; kinds: Array<{ kind: string; alias: string; declaredIn: string }> }> = [];

  for (const { release, faces } of selectedFaces(selection)) {
    const kinds: Array<{ kind: string; alias: string; declaredIn: string }> = [];
    for (const { kind, face } of faces) {
      const view = shimView(kind, face, opaque);
      const key = JSON.stringify(view);
      let byKey = declared.get(kind);
      if (!byKey) declared.set(kind, (byKey = new Map()));
      const declaredIn = byKey.get(key) ?? release.release;
      const file = `${release.release}/${kind}.ts`;
      if (declaredIn === release.release) {
        byKey.set(key, declaredIn);
        files.push({ path: file, content: shim({ ...view, release: release.release }) });
      } else {
        files.push({ path: file, content: reexport({ origin: face.file, kind, release: release.release, declaredIn }) });
      }
      kinds.push({ kind, alias: aliasOf(kind, declaredIn), declaredIn });
    }
    releases.push({ release: release.release, kinds });
  }

  const origin = 'versions/interfaces';
  files.push({
    path: 'mesosTypes.ts',
    content: typesTemplate({ origin, types: [...opaque].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, spellings]) => ({ name, spellings: [...spellings].sort().join('`, `') })) }),
  });
  const modules = releases.flatMap((entry) => entry.kinds.filter((kind) => kind.declaredIn === entry.release).map((kind) => ({ ...kind, release: entry.release })));
  files.push({ path: 'index.ts', content: index({ origin, releases, modules }) });
  return files;
}

/** What `templates/shim.ts.hbs` renders, but the release (two releases with equal views share a file). */
type ShimView = ReturnType<typeof shimView> & { readonly release?: string };

function shimView(kind: string, face: KindInterface, opaque: Map<string, Set<string>>) {
  const used = new Map<string, string>();
  const helpers = new Set<string>();
  const methods = face.methods.filter((method) => !method.destructor).map((method) => shimMethod(method, used, helpers));
  for (const [name, spelled] of used) opaque.set(name, (opaque.get(name) ?? new Set()).add(spelled));
  const descriptor = {
    kind,
    cppClass: face.cppClass,
    header: face.header,
    structure: face.structure,
    implements: face.implements.cppClass,
    methods: face.methods.map((method) => ({ name: method.name, signature: cppSignature(method), pure: method.pure })),
  };
  return {
    origin: face.file,
    kind,
    cppClass: face.cppClass,
    header: face.header,
    wrapper: face.structure === 'wrapper',
    implementsClass: face.implements.cppClass,
    imports: [...used.keys(), ...helpers].sort(),
    methods,
    descriptor: JSON.stringify(descriptor, null, 2),
  };
}

/** `Isolator_0_24_1`: how the index names the interface declared in 0.24.1. */
function aliasOf(kind: string, release: string): string {
  return `${kind}_${release.replace(/\W/g, '_')}`;
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
