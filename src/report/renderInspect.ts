import { createColors } from 'picocolors';
import type { InspectRun, InspectedModule, LibraryInspection, StaticFacts } from '../core/inspectRun.js';
import { describeLeftovers } from '../core/leftoverProblems.js';
import { isMesosSymbol } from '../core/staticHint.js';
import { withVisibleControls } from '../core/visibleControls.js';
import { describeAdvice } from './describeAdvice.js';
import type { InspectFormat } from './formats.js';
import { plural } from './plural.js';

type Colors = ReturnType<typeof createColors>;

/** Names read from a library are its author's bytes: control characters become visible escapes, and long ones are cut. */
function shown(text: string, limit = 160): string {
  const escaped = withVisibleControls(text);
  return escaped.length > limit ? `${escaped.slice(0, limit)}… (${escaped.length - limit} more characters)` : escaped;
}

function renderText(run: InspectRun, color: boolean): string {
  const c = createColors(color);
  const blocks = run.libraries.map((library) => libraryBlock(library, run, c).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function libraryBlock(library: LibraryInspection, run: InspectRun, c: Colors): string[] {
  if (!library.static.ok) return [`${c.bold(shown(library.library))}: ${c.red(library.static.problem)}`];
  const facts = library.static.facts;
  const lines = [`${c.bold(shown(library.library))} — ${facts.bits}-bit ${facts.machine} ${facts.type} (${facts.endian}-endian)`, ...staticLines(facts, c)];
  if (library.open === null) lines.push(row('opened', c.dim(run.exec ? 'not opened' : 'not opened (--no-exec: no code of it ran)')));
  else if (library.open.stage === 'opened') lines.push(row('opened', c.green(library.standIns ? 'yes, with stand-ins' : 'yes')));
  else {
    lines.push(row('opened', `${c.red(`no, ${library.open.stage}`)}: ${shown(library.open.message, 400)}`));
    if (library.open.hint) lines.push(row('', `hint: ${library.open.hint}`));
  }
  if (library.standIns) {
    const what = [...library.standIns.libraries.map((name) => shown(name)), ...(library.standIns.symbols > 0 ? [plural(library.standIns.symbols, 'undefined symbol')] : [])];
    lines.push(row('stand-ins', `${what.join(', ')} — opened before it (--stub-missing)`));
  }
  for (const module of library.modules) lines.push('', ...moduleLines(module, c));
  if (library.modules.length === 0) lines.push('', c.red(`no module: no exported data symbol of ${facts.manifestSize} bytes, so no release can load a module from it`));
  return lines;
}

function staticLines(facts: StaticFacts, c: Colors): string[] {
  const lines: string[] = [];
  if (facts.foreign) lines.push(row('machine', c.red(facts.foreign)));
  if (facts.soname) lines.push(row('SONAME', shown(facts.soname)));
  const width = Math.max(0, ...facts.needed.map((needed) => shown(needed.name).length));
  facts.needed.forEach((needed, index) => {
    const where = needed.path === null ? c.red('not found on this machine') : `${shown(needed.path)} ${c.dim(`(${needed.via})`)}`;
    lines.push(row(index === 0 ? 'needs' : '', `${shown(needed.name).padEnd(width)}  ${where}`));
  });
  if (facts.rpath) lines.push(row('RPATH', shown(facts.rpath.join(':'))));
  if (facts.runpath) lines.push(row('RUNPATH', shown(facts.runpath.join(':'))));
  if (facts.linkedMesos) lines.push(row('built for', `Mesos ${shown(facts.linkedMesos)} (it links libmesos-${shown(facts.linkedMesos)}.so)`));
  lines.push(row('modules', facts.candidates.length === 0 ? c.dim('none') : `${facts.candidates.map((name) => shown(name)).join(', ')} ${c.dim(`(exported data symbols of ${facts.manifestSize} bytes)`)}`));
  const mesos = facts.undefinedSymbols.filter(isMesosSymbol);
  const examples = mesos.slice(0, 3).map((name) => shown(name, 60));
  lines.push(row('undefined', `${plural(facts.undefinedSymbols.length, 'symbol')}${mesos.length > 0 ? `, ${mesos.length} of them Mesos's (${examples.join(', ')}${mesos.length > 3 ? ', …' : ''})` : ''}`));
  return lines;
}

function moduleLines(module: InspectedModule, c: Colors): string[] {
  const outcome = module.outcome;
  if (outcome === null) return [`${c.bold(shown(module.name))}: ${c.dim('not read (--no-exec)')}`];
  const lines: string[] = [];
  if (outcome.stage === 'manifest') {
    const m = outcome.manifest;
    const text = (value: string | null) => (value === null ? 'NULL' : shown(value));
    const compatible = !m.compatible.present ? 'absent' : 'returned' in m.compatible ? `returned ${m.compatible.returned}` : m.compatible.failed;
    lines.push(`${c.bold(shown(module.name))}: ${text(m.kind)} built for ${text(m.mesosVersion)} · module API ${text(m.moduleApiVersion)} · compatible() ${compatible} · create() ${m.create ? 'set' : 'NULL'}`);
    lines.push(`  by ${text(m.authorName)} <${text(m.authorEmail)}>: ${text(m.description)}`);
  } else lines.push(`${c.bold(shown(module.name))}: ${c.dim('manifest not read')}`);
  // Beside the verdicts, which they do not change: Mesos loads such a library, and the processes stay.
  if (outcome.leftovers?.length) lines.push(`  ${c.yellow('note:')} ${describeLeftovers(outcome.leftovers)} (killed here; in a Mesos agent or master they would keep running)`);
  // Releases that answer alike (a library that does not open fails the same way everywhere) share one line.
  const groups = new Map<string, { releases: string[]; loadable: boolean; message: string; hint: string }>();
  for (const verdict of module.verdicts) {
    const hint = describeAdvice(verdict.advice);
    const key = JSON.stringify([verdict.loadable, verdict.message, hint]);
    groups.set(key, { ...(groups.get(key) ?? { loadable: verdict.loadable, message: verdict.message, hint }), releases: [...(groups.get(key)?.releases ?? []), verdict.mesos] });
  }
  for (const group of groups.values()) {
    lines.push(`  ${c.bold(group.releases.join(' ').padEnd(7))} ${group.loadable ? c.green('✓ loads') : c.red(`✗ Error loading modules: ${shown(group.message, 400)}`)}`);
    if (group.hint) lines.push(`          hint: ${group.hint}`);
  }
  const loading = module.verdicts.filter((verdict) => verdict.loadable).map((verdict) => verdict.mesos);
  if (module.verdicts.length > 1) lines.push(`  ${loading.length === 0 ? c.red(`no release of the ${module.verdicts.length} selected loads it`) : `loads on ${loading.length} of ${module.verdicts.length} releases: ${loading.join(' ')}`}`);
  return lines;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(10)} ${value}`;
}

/** `--format json`: the run as data, each verdict's advice worded as `hint` (`schemas/inspect-report.schema.json`). */
function renderJson(run: InspectRun): string {
  const report = {
    releases: run.releases,
    exec: run.exec,
    stubMissing: run.stubMissing,
    libraries: run.libraries.map((library) => ({
      ...library,
      modules: library.modules.map((module) => ({
        ...module,
        verdicts: module.verdicts.map(({ advice, ...verdict }) => ({ ...verdict, hint: describeAdvice(advice) })),
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const INSPECT_RENDERERS = {
  text: (run, color) => renderText(run, color),
  json: (run) => renderJson(run),
} as const satisfies Record<InspectFormat, (run: InspectRun, color: boolean) => string>;
