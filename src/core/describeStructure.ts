import type { KindInterface } from './kindInterface.js';

/** `wrapper class + IsolatorProcess` / `abstract class`, as interfaces.md words it. */
export function describeStructure(face: KindInterface): string {
  return face.structure === 'wrapper' ? `wrapper class + ${face.implements.cppClass.split('::').at(-1)}` : 'abstract class';
}
