// The modules table: sortable by its column headers (buttons, with aria-sort), filtered by the box above it;
// a row (or its module button, for the keyboard) opens the go.mod at the require line.
import type { HealthModule } from '../protocol';
import { actionButton, table, type ViewContext } from './context';
import { h } from './dom';
import { filterModules, format, formatMs, sortModules, type ModuleSortKey, type SortState } from './model';

export function statusLabel(ctx: ViewContext, status: HealthModule['status']): string {
  const s = ctx.s;
  return { ok: s.statusOk, warning: s.statusWarning, error: s.statusError, checking: s.statusChecking, skipped: s.statusSkipped }[status];
}

function labelsOf(ctx: ViewContext, m: HealthModule): string[] {
  return [statusLabel(ctx, m.status), m.direct ? ctx.s.direct : ctx.s.indirect, m.private ? ctx.s.privateRoute : ''];
}

function columns(ctx: ViewContext): Array<[ModuleSortKey, string]> {
  const s = ctx.s;
  return [
    ['module', s.colModule],
    ['version', s.colVersion],
    ['direct', s.colDependency],
    ['route', s.colRoute],
    ['status', s.colStatus],
    ['latency', s.colLatency],
    ['finding', s.colFinding],
  ];
}

function header(ctx: ViewContext, sort: SortState, key: ModuleSortKey, label: string, onSort: (k: ModuleSortKey) => void): HTMLTableCellElement {
  const sorted = sort.key === key;
  const b = h(
    'button',
    { class: 'sort', attrs: { type: 'button', 'data-key': `sort-${key}`, title: format(ctx.s.sortBy, label) } },
    label,
    h('span', { class: 'sort-mark', attrs: { 'aria-hidden': 'true' } }, sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''),
  );
  b.addEventListener('click', () => onSort(key));
  return h('th', { attrs: { scope: 'col', 'aria-sort': sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' } }, b);
}

function row(ctx: ViewContext, m: HealthModule): HTMLTableRowElement {
  const key = `open-${m.uri}#${m.line}`;
  const request = { kind: 'openModule', uri: m.uri, line: m.line } as const;
  const open = actionButton(ctx, m.module, request, key, { ariaLabel: format(ctx.s.openModule, m.module) });
  open.className = 'link';
  const tr = h(
    'tr',
    { class: `module row-${m.status}`, attrs: { 'data-module': m.module } },
    h('td', { class: 'path' }, open, m.private ? h('span', { class: 'tag' }, ctx.s.privateRoute) : null),
    h('td', { class: 'mono' }, m.version),
    h('td', null, m.direct ? ctx.s.direct : ctx.s.indirect),
    h('td', { class: 'mono', attrs: { title: m.source && m.source !== m.route ? m.source : undefined } }, m.route),
    h('td', null, h('span', { class: `status status-${m.status}` }, statusLabel(ctx, m.status))),
    h('td', { class: 'num' }, m.latencyMs === undefined ? '—' : formatMs(m.latencyMs)),
    h('td', { class: 'finding-cell' }, m.finding ? h('span', { class: `severity-${m.finding.severity}` }, h('code', { class: 'code' }, m.finding.code), ' ', m.finding.message) : ''),
  );
  // The whole row is a mouse target; the keyboard uses the module's button (the click bubbles here from it too).
  tr.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('button') === open) return; // the button's own click runs it
    if (!open.disabled) open.click();
  });
  return tr;
}

/** The table and the "n of m" count for the current filter and sort. */
export function modulesView(
  ctx: ViewContext,
  modules: readonly HealthModule[],
  sort: SortState,
  filter: string,
  onSort: (k: ModuleSortKey) => void,
): { body: HTMLElement; count: string } {
  const shown = sortModules(filterModules(modules, filter, (m) => labelsOf(ctx, m)), sort);
  const count = format(ctx.s.modulesCount, shown.length, modules.length);
  if (modules.length === 0) return { body: h('p', { class: 'empty' }, ctx.s.modulesEmpty), count };
  const heads = columns(ctx).map(([key, label]) => header(ctx, sort, key, label, onSort));
  const t = table('modules-title', heads, shown.map((m) => row(ctx, m)), 'modules');
  return { body: h('div', null, t, shown.length === 0 ? h('p', { class: 'empty' }, ctx.s.modulesNoMatch) : null), count };
}
