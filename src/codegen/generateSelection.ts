import type { InterfaceTable, KindInterface } from '../core/kindInterface.js';
import type { Release } from '../core/versionTable.js';

/** What `generate` renders: releases in version order, the kinds wanted of each, and the interfaces. */
export interface GenerateSelection {
  readonly releases: readonly Release[];
  /** Release name → the kinds to generate for it. */
  readonly kinds: ReadonlyMap<string, ReadonlySet<string>>;
  readonly interfaces: InterfaceTable;
}

/** Per selected release, the selected kinds it registers that the table has an interface for, by name. */
export function selectedFaces(selection: GenerateSelection): Array<{ release: Release; faces: Array<{ kind: string; face: KindInterface }> }> {
  return selection.releases.flatMap((release) => {
    const wanted = selection.kinds.get(release.release) ?? new Set<string>();
    const faces = [...release.host.kinds.keys()]
      .filter((kind) => wanted.has(kind))
      .sort()
      .flatMap((kind) => {
        const face = selection.interfaces.get(kind)?.get(release.release);
        return face ? [{ kind, face }] : []; // no interface data: nothing to declare
      });
    return faces.length > 0 ? [{ release, faces }] : [];
  });
}
