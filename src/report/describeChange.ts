import type { InterfaceChange } from '../core/diffInterfaces.js';

/** One interface change as lines: `+ signature`, `~ name` with both signatures, … */
export function describeChange(change: InterfaceChange): string[] {
  switch (change.change) {
    case 'kind-added':
      return ['kind added'];
    case 'kind-removed':
      return ['kind removed'];
    case 'no-interface-data':
      return [`no interface data for ${change.release}`];
    case 'class-moved':
      return [`class: ${change.from} → ${change.to}`];
    case 'header-moved':
      return [`header: ${change.from} → ${change.to}`];
    case 'structure-changed':
      return [`structure: ${change.from} → ${change.to}`];
    case 'method-added':
      return [`+ ${change.signature}`];
    case 'method-removed':
      return [`- ${change.signature}`];
    case 'signature-changed':
      return [`~ ${change.name}`, `    - ${change.from}`, `    + ${change.to}`];
    case 'order-changed':
      return [`vtable order: ${change.from.join(', ')}`, `           → ${change.to.join(', ')}`];
  }
}
