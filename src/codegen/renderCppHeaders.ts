import type { Release } from '../core/versionTable.js';
import { cppStandIns } from './cppStandIns.js';
import { GENERATE_TEMPLATES } from './fixtureTemplates.js';
import { selectedFaces, type GenerateSelection } from './generateSelection.js';
import { cppGuard, interfaceHeaderView, type InterfaceHeaderView } from './renderInterfaceHeader.js';
import type { GeneratedFile } from './renderShims.js';
import { createTemplateEngine } from './templateEngine.js';

/** The texts of the C++ header templates (read by the caller). */
export interface CppTemplateSources {
  readonly interfaceHeader: string;
  readonly moduleHeader: string;
  readonly standIns: string;
}

/** What `templates/module.hpp.hbs` renders: Mesos's module manifest, with a release's version macros (or none, in a fixture). */
export interface ModuleHeaderView {
  readonly origin: string | null;
  readonly release: string | null;
  readonly moduleApiVersion: string | null;
  readonly guard: string | null;
}

/** The manifest declaration for `release` (or, with `null`, without version macros for a fixture). */
export function moduleHeaderView(release: Release | null): ModuleHeaderView {
  if (release === null) return { origin: null, release: null, moduleApiVersion: null, guard: null };
  return { origin: release.file, release: release.release, moduleApiVersion: release.host.moduleApiVersion, guard: cppGuard(release.release, 'module') };
}

/**
 * `generate --lang cpp`: per release a `module.hpp` (the manifest a module exports, with
 * `MESOS_MODULE_API_VERSION` and `MESOS_VERSION`), a `stand-ins.hpp` (opaque stand-ins for every
 * type the release's interfaces name) and one `<Kind>.hpp` per selected kind, which includes both.
 */
export function renderCppHeaders(selection: GenerateSelection, sources: CppTemplateSources): GeneratedFile[] {
  const engine = createTemplateEngine({});
  const header = engine.compile<InterfaceHeaderView>(sources.interfaceHeader, GENERATE_TEMPLATES.interfaceHeader);
  const moduleHeader = engine.compile<ModuleHeaderView>(sources.moduleHeader, GENERATE_TEMPLATES.moduleHeader);
  const standIns = engine.compile<{ origin: string; release: string; guard: string; standIns: string }>(sources.standIns, GENERATE_TEMPLATES.standIns);
  const prelude = '#include "stand-ins.hpp"\n#include "module.hpp"';
  return selectedFaces(selection).flatMap(({ release, faces }) => {
    const everyFace = [...selection.interfaces.values()].flatMap((byRelease) => byRelease.get(release.release) ?? []);
    return [
      { path: `${release.release}/module.hpp`, content: moduleHeader(moduleHeaderView(release)) },
      { path: `${release.release}/stand-ins.hpp`, content: standIns({ origin: 'versions/interfaces', release: release.release, guard: cppGuard(release.release, 'stand-ins'), standIns: cppStandIns(everyFace) }) },
      ...faces.map(({ kind, face }) => ({ path: `${release.release}/${kind}.hpp`, content: header(interfaceHeaderView(kind, release.release, face, prelude)) })),
    ];
  });
}
