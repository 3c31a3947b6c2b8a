import { STAGES, type Stage } from '../core/stage.js';

/** One colour per stage, for the grid and its legend; the class is the stage's letter (`a` loaded, `b` missing-fields, …). */
const STAGE_COLOURS = {
  loaded: '#2da44e',
  'missing-fields': '#8250df',
  'api-version': '#bf3989',
  'unknown-kind': '#afb8c1',
  'version-parse': '#a475f9',
  'below-minimum': '#54aeff',
  'not-equal': '#d4a72c',
  newer: '#fb8f44',
  incompatible: '#e16f24',
  compile: '#6e7781',
  open: '#cf222e',
  symbol: '#a40e26',
  crash: '#82071e',
  timeout: '#4c2889',
  protocol: '#953800',
} as const satisfies Record<Stage, string>;

/** `a` for the first stage of `STAGES`, `b` for the next: the one-letter class of a grid cell. */
export function stageClass(stage: Stage): string {
  return String.fromCharCode(97 + STAGES.indexOf(stage));
}

export const MATRIX_HTML_CSS = `
.controls{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:.75rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0 0 .75rem;padding:0;list-style:none;font-size:12px}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:.3rem}
.scroll{overflow:auto;max-height:78vh;border:1px solid var(--line)}
#grid{border-collapse:separate;border-spacing:1px;font-size:11px;line-height:14px}
#grid td{width:14px;min-width:14px;height:14px;padding:0;text-align:center;color:#fff;cursor:default}
#grid td.x{outline:2px solid var(--bad);outline-offset:-2px;font-weight:700}
#grid td:focus{outline:2px solid var(--fg);outline-offset:0}
#grid thead th{position:sticky;top:0;z-index:2;background:var(--bg);font-weight:400;vertical-align:bottom;padding:2px 0}
#grid thead th.h span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block}
#grid th.k,#grid th.b{position:sticky;background:var(--bg);text-align:left;font-weight:400;white-space:nowrap;padding:0 .4rem 0 0;z-index:1}
#grid th.k{left:0;min-width:10rem;vertical-align:top}#grid th.b{left:10.4rem;min-width:3.4rem}
#grid thead th.k,#grid thead th.b{z-index:3}
#tip{position:fixed;z-index:9;max-width:34rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;box-shadow:0 4px 14px #0003;font-size:12px;pointer-events:none}
#tip .id{font-weight:700}#tip .msg{font-family:ui-monospace,Menlo,Consolas,monospace;margin-top:.3rem;white-space:pre-wrap}#tip .note{color:var(--bad);margin-top:.3rem;white-space:pre-wrap}
${Object.entries(STAGE_COLOURS)
  .map(([stage, colour]) => `.${stageClass(stage as Stage)}{background:${colour}}`)
  .join('')}
`;

/**
 * The page's behaviour, plain JavaScript run inline: a tooltip for the cell hovered or focused
 * (its id, stage and Mesos's message, expanded from the shared templates), arrow-key movement
 * between cells with one tab stop for the whole grid (a roving tabindex), and the kind filter.
 * Listeners sit on the table, not on its ~46,000 cells.
 */
export const MATRIX_HTML_SCRIPT = `(() => {
const data = JSON.parse(document.getElementById('matrix-data').textContent);
const grid = document.getElementById('grid'), tip = document.getElementById('tip'), kind = document.getElementById('kind'), shown = document.getElementById('shown');
const H = data.hosts.length;
const column = (td) => td.cellIndex - (td.parentElement.cells.length - H);
const rowOf = (td) => Number(td.parentElement.parentElement.dataset.r0) + td.parentElement.sectionRowIndex;
const expand = (t, r, c) => { const row = data.rows[r], v = { o: '{', h: data.hosts[c], b: row[1], k: row[0], m: row[2] }; return t.replace(/\\{([hbkmo])\\}/g, (_, x) => v[x]); };
function show(td) {
  const r = rowOf(td), c = column(td), row = data.rows[r], host = data.hosts[c];
  const stage = data.stages[td.className.charCodeAt(0) - 97];
  tip.replaceChildren();
  const add = (cls, text) => { const d = document.createElement('div'); d.className = cls; d.textContent = text; tip.append(d); };
  add('id', row[0] + '/' + row[1] + '@' + host);
  add('', row[0] + ' built for ' + row[1] + ', on a ' + host + ' host');
  add('stage', stage[0] === 'loaded' ? '✓ loads' : '✗ ' + stage[1] + ' (' + stage[0] + '): ' + stage[2]);
  const m = data.msgs[data.cells[r][c]];
  if (m) add('msg', expand(m, r, c));
  const note = data.notes[r + ':' + c];
  if (note) add('note', note);
  tip.hidden = false;
  const box = td.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = Math.max(4, Math.min(box.right + 8, innerWidth - w - 4)) + 'px';
  tip.style.top = Math.max(4, Math.min(box.top, innerHeight - h - 4)) + 'px';
  td.setAttribute('aria-describedby', 'tip');
}
function hide() { tip.hidden = true; }
const rows = () => [...grid.tBodies].filter((b) => !b.hidden).flatMap((b) => [...b.rows]);
const cellAt = (tr, c) => tr && tr.cells[tr.cells.length - H + Math.max(0, Math.min(H - 1, c))];
function move(from, to) { if (!to) return; if (from) from.tabIndex = -1; to.tabIndex = 0; to.focus(); }
grid.addEventListener('focusin', (e) => { if (e.target.tagName === 'TD') show(e.target); });
grid.addEventListener('focusout', (e) => { e.target.removeAttribute && e.target.removeAttribute('aria-describedby'); hide(); });
grid.addEventListener('mouseover', (e) => { const td = e.target.closest('td'); if (td) show(td); });
grid.addEventListener('mouseleave', () => { const f = document.activeElement; if (f && f.tagName === 'TD') show(f); else hide(); });
grid.addEventListener('click', (e) => { const td = e.target.closest('td'); if (td) move(grid.querySelector('td[tabindex="0"]'), td); });
grid.addEventListener('keydown', (e) => {
  const td = e.target.closest('td'); if (!td) return;
  const tr = td.parentElement, c = column(td), all = rows(), i = all.indexOf(tr);
  const to = { ArrowRight: cellAt(tr, c + 1), ArrowLeft: cellAt(tr, c - 1), ArrowDown: cellAt(all[i + 1], c), ArrowUp: cellAt(all[i - 1], c),
    Home: cellAt(tr, 0), End: cellAt(tr, H - 1), PageDown: cellAt(all[Math.min(all.length - 1, i + 20)], c), PageUp: cellAt(all[Math.max(0, i - 20)], c) }[e.key];
  if (e.key === 'Escape') { hide(); return; }
  if (to === undefined) return;
  e.preventDefault(); move(td, to);
});
kind.addEventListener('change', () => {
  let visible = 0;
  for (const body of grid.tBodies) { body.hidden = kind.value !== '' && body.dataset.kind !== kind.value; if (!body.hidden) visible += body.rows.length; }
  shown.textContent = visible + ' of ' + data.rows.length + ' builds shown';
  const stop = grid.querySelector('td[tabindex="0"]');
  if (stop && stop.closest('tbody').hidden) { const first = rows()[0]; stop.tabIndex = -1; if (first) cellAt(first, 0).tabIndex = 0; }
  hide();
});
})();`;
