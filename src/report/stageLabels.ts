import type { Stage } from '../core/stage.js';

/** The short code shown in a table cell, and the legend line explaining it. */
export const STAGE_LABELS = {
  loaded: { label: '✓', legend: 'loads' },
  'missing-fields': { label: 'fields', legend: 'a manifest field is NULL ("…; missing fields")' },
  'api-version': { label: 'api', legend: 'the module API version differs ("Module API version mismatch. …")' },
  'unknown-kind': { label: 'kind', legend: 'the host does not register the kind ("Unknown module kind: …")' },
  'version-parse': { label: 'parse', legend: "the host's version parser cannot read the module's version" },
  'below-minimum': { label: 'older', legend: 'built against a release below the kind\'s minimum ("Minimum supported mesos version for …")' },
  'not-equal': { label: '≠host', legend: 'no compatible(), so the build must equal the host ("Mesos has version …, but module is compiled with version …")' },
  newer: { label: 'newer', legend: 'built against a newer release than the host ("Mesos has version …, but module is compiled with version …")' },
  incompatible: { label: 'veto', legend: 'compatible() returned false ("… has determined to be incompatible")' },
  compile: { label: 'build', legend: 'the fixture did not compile' },
  open: { label: 'open', legend: 'dlopen failed ("Error opening library: …")' },
  symbol: { label: 'symbol', legend: 'the module symbol is missing ("Error looking up symbol …")' },
  crash: { label: 'crash', legend: 'the library crashed the process that opened it' },
  timeout: { label: 'hang', legend: 'the library did not return in time' },
  protocol: { label: 'proto', legend: "the library wrote into the prober's channel" },
} as const satisfies Record<Stage, { label: string; legend: string }>;
