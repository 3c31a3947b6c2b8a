import { grammarOf, type Host } from './host.js';
import { MANIFEST_STRING_FIELDS, type Manifest } from './manifest.js';
import { LOADED, type Verdict, type VerifyStage } from './stage.js';
import { formatVersion, parseVersion, versionEquals, versionLess, type StoutVersion } from './stoutVersion.js';

/**
 * `ModuleManager::verifyModule` as `load()` reports it: the checks in Mesos's order with its
 * exact texts, each wrapped as `Error verifying module '<name>': …` (loader-facts §5;
 * `0.23.1:src/module/manager.cpp`, textually identical through `1.11.0`).
 */
export function verifyModule(host: Host, moduleName: string, manifest: Manifest): Verdict {
  const refuse = (stage: VerifyStage, text: string): Verdict => ({
    loadable: false,
    stage,
    message: `Error verifying module '${moduleName}': ${text}`,
  });

  if (MANIFEST_STRING_FIELDS.some((field) => manifest[field] === null)) {
    return refuse('missing-fields', `Error loading module '${moduleName}'; missing fields`);
  }
  const { moduleApiVersion, kind, mesosVersion } = manifest as Manifest & Record<'moduleApiVersion' | 'kind' | 'mesosVersion', string>;
  if (moduleApiVersion !== host.moduleApiVersion) {
    return refuse('api-version', `Module API version mismatch. Mesos has: ${host.moduleApiVersion}, library requires: ${moduleApiVersion}`);
  }
  const minimumText = host.kinds.get(kind);
  if (minimumText === undefined) return refuse('unknown-kind', `Unknown module kind: ${kind}`);

  const grammar = grammarOf(host.loader);
  // Mesos CHECKs that its own version and the kind's minimum parse; the table's schema
  // validation guarantees it, so a failure here is a bug of ours.
  const mesos = mustParse(host.mesos, host);
  const minimum = mustParse(minimumText, host);
  const parsed = parseVersion(mesosVersion, grammar);
  if (!parsed.ok) return refuse('version-parse', parsed.error);
  const module = parsed.version;

  if (versionLess(module, minimum)) {
    return refuse(
      'below-minimum',
      `Minimum supported mesos version for '${kind}' is ${formatVersion(minimum)}, but module is compiled with version ${formatVersion(module)}`,
    );
  }
  const differs = `Mesos has version ${formatVersion(mesos)}, but module is compiled with version ${formatVersion(module)}`;
  if (!manifest.compatible.present) {
    return versionEquals(module, mesos) ? LOADED : refuse('not-equal', differs);
  }
  if (versionLess(mesos, module)) return refuse('newer', differs);
  if ('failed' in manifest.compatible) {
    // Mesos itself would crash or hang inside compatible(); there is no message to print.
    return { loadable: false, stage: manifest.compatible.failed, message: manifest.compatible.detail };
  }
  if (!manifest.compatible.returned) {
    // Sic: no space before "has" (every release 0.21.0 – 1.11.0).
    return refuse('incompatible', `Module ${moduleName}has determined to be incompatible`);
  }
  return LOADED;
}

function mustParse(text: string, host: Host): StoutVersion {
  const parsed = parseVersion(text, grammarOf(host.loader));
  if (!parsed.ok) throw new Error(`host ${host.mesos}: version '${text}' does not parse: ${parsed.error}`);
  return parsed.version;
}
