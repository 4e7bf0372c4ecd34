// What every view of the panel gets: the translated strings and a way to ask the host to do something.
import type { HealthFinding } from '../protocol';
import type { PanelRequest, PanelStrings } from '../extension/panel/messages';
import { button, h } from './dom';

export interface ViewContext {
  s: PanelStrings;
  lang: string;
  trusted: boolean;
  /** Keys of the requests under way: their buttons stay disabled until the host answers. */
  busy: ReadonlySet<string>;
  /** Sends a request; busyKey names it (and the button that started it) until the answer comes. */
  send(request: PanelRequest, busyKey: string): void;
}

/** A button that sends a request, disabled while that request runs (or when the workspace is untrusted, if it must be). */
export function actionButton(ctx: ViewContext, label: string, request: PanelRequest, key: string, opts: { needsTrust?: boolean; primary?: boolean; ariaLabel?: string } = {}): HTMLButtonElement {
  const blocked = opts.needsTrust && !ctx.trusted;
  const b = button(label, () => ctx.send(request, key), {
    class: opts.primary ? 'primary' : 'secondary',
    attrs: {
      'data-key': key,
      'aria-label': opts.ariaLabel,
      title: blocked ? ctx.s.disabledUntrusted : opts.ariaLabel,
    },
  });
  b.disabled = Boolean(blocked) || ctx.busy.has(key);
  if (ctx.busy.has(key)) b.setAttribute('aria-busy', 'true');
  return b;
}

export function severityLabel(ctx: ViewContext, severity: HealthFinding['severity']): string {
  return { error: ctx.s.severityError, warning: ctx.s.severityWarning, info: ctx.s.severityInfo, hint: ctx.s.severityHint }[severity];
}

/** A finding as the panel shows it: severity, code, message, and a button per env fix (other fixes as text). */
export function findingView(ctx: ViewContext, f: HealthFinding): HTMLElement {
  const fixes = (f.fixes ?? []).map((fix) =>
    /^env(@[a-z]+)?:/.test(fix.id)
      ? actionButton(ctx, fix.title, { kind: 'applyFix', fixId: fix.id }, `fix-${fix.id}`, { needsTrust: true })
      : h('span', { class: 'fix-hint' }, fix.title),
  );
  return h(
    'div',
    { class: `finding severity-${f.severity}` },
    h('span', { class: 'severity' }, severityLabel(ctx, f.severity)),
    ' ',
    h('code', { class: 'code' }, f.code),
    ' ',
    h('span', { class: 'message' }, f.message),
    fixes.length ? h('div', { class: 'fixes' }, ...fixes) : null,
  );
}

/** A table with a caption-less header row; the section's heading labels it (aria-labelledby). */
export function table(labelledBy: string, headers: Array<string | HTMLElement>, rows: HTMLTableRowElement[], cls = ''): HTMLTableElement {
  const head = h('tr', null, ...headers.map((x) => (typeof x === 'string' ? h('th', { attrs: { scope: 'col' } }, x) : x)));
  return h('table', { class: `grid ${cls}`.trim(), attrs: { 'aria-labelledby': labelledBy } }, h('thead', null, head), h('tbody', null, ...rows));
}
