// The panel's other sections: the Go environment, the probes with their timelines, the mirrors, the caches,
// and the findings that belong to no require line.
import type { HealthCacheTarget, HealthEnvVar, HealthFinding, HealthMirror, HealthProbe, HealthStage } from '../protocol';
import { actionButton, findingView, table, type ViewContext } from './context';
import { h } from './dom';
import { format, formatBytes, formatMs, timelineScale, timelineSegments } from './model';

function layerLabel(ctx: ViewContext, layer: string): string {
  const s = ctx.s;
  const known: Record<string, string> = { process: s.layerProcess, envfile: s.layerEnvfile, goroot: s.layerGoroot, default: s.layerDefault, editor: s.layerEditor };
  return known[layer] ?? layer;
}

function value(ctx: ViewContext, v: string): HTMLElement {
  return v === '' ? h('span', { class: 'muted' }, ctx.s.unset) : h('code', { class: 'value' }, v);
}

export function envView(ctx: ViewContext, env: readonly HealthEnvVar[]): HTMLElement {
  if (env.length === 0) return h('p', { class: 'empty' }, ctx.s.envEmpty);
  const s = ctx.s;
  const rows = env.map((v) =>
    h(
      'tr',
      { attrs: { 'data-variable': v.name } },
      h('th', { class: 'mono', attrs: { scope: 'row' } }, v.name),
      h('td', null, value(ctx, v.value)),
      h('td', { class: 'layer' }, layerLabel(ctx, v.layer)),
      h('td', null, v.shadowed.length ? h('ul', { class: 'plain' }, ...v.shadowed.map((x) => h('li', null, h('span', { class: 'layer' }, layerLabel(ctx, x.layer)), ': ', value(ctx, x.value)))) : ''),
      h('td', null, ...v.findings.map((f) => findingView(ctx, f))),
    ),
  );
  return table('env-title', [s.colVariable, s.colValue, s.colLayer, s.colShadowed, s.colFindings], rows, 'env');
}

function stageLabel(ctx: ViewContext, stage: HealthStage['stage']): string {
  const s = ctx.s;
  return { dns: s.stageDns, tcp: s.stageTcp, tls: s.stageTls, http: s.stageHttp, protocol: s.stageProtocol, done: s.stageDone }[stage];
}

/** The connection stages as bars on a scale shared by every row, and the same facts as text (what screen readers get). */
function timeline(ctx: ViewContext, p: HealthProbe, scaleMs: number): HTMLElement {
  const segments = timelineSegments(p, scaleMs);
  const text = segments.map((seg) => `${stageLabel(ctx, seg.stage)} ${formatMs(seg.ms)}`).join(', ');
  const bar = h('div', { class: 'timeline', attrs: { 'aria-hidden': 'true' } });
  for (const seg of segments) {
    const piece = h('span', { class: `seg seg-${seg.stage}`, attrs: { title: `${stageLabel(ctx, seg.stage)} ${formatMs(seg.ms)}` } });
    piece.style.width = `${seg.percent}%`; // CSSOM, not a style attribute: allowed by the CSP
    bar.appendChild(piece);
  }
  if (!p.ok) bar.appendChild(h('span', { class: 'seg-fail', attrs: { title: stageLabel(ctx, p.stage) } }, '✕'));
  return h('div', { class: 'timeline-cell' }, bar, h('span', { class: 'timeline-text muted' }, text));
}

export function probesView(ctx: ViewContext, probes: readonly HealthProbe[] | null): HTMLElement {
  const s = ctx.s;
  if (probes === null) return h('p', { class: 'empty' }, s.probesNotRun);
  if (probes.length === 0) return h('p', { class: 'empty' }, s.probesEmpty);
  const scale = timelineScale(probes);
  const legend = h(
    'p',
    { class: 'legend', attrs: { 'aria-hidden': 'true' } },
    ...(['dns', 'tcp', 'tls', 'http', 'protocol'] as const).map((st) => h('span', { class: 'legend-item' }, h('span', { class: `swatch seg-${st}` }), stageLabel(ctx, st))),
  );
  const rows = probes.map((p) => {
    const result = p.ok ? format(s.probeOk, formatMs(p.ms)) : format(s.probeFailed, stageLabel(ctx, p.stage), formatMs(p.ms));
    return h(
      'tr',
      { class: p.ok ? 'ok' : 'failed', attrs: { 'data-target': p.target } },
      h('th', { class: 'mono', attrs: { scope: 'row' } }, p.target, p.via ? h('div', { class: 'muted' }, format(s.via, p.via)) : null),
      h('td', null, p.kind === 'proxy' ? s.kindProxy : s.kindSumdb, h('div', { class: 'muted' }, p.configured ? s.configured : s.compared)),
      h('td', null, timeline(ctx, p, scale)),
      h(
        'td',
        null,
        h('span', { class: `status status-${p.ok ? 'ok' : 'error'}` }, result),
        p.status !== undefined ? h('span', { class: 'muted' }, ' · ', format(s.httpStatus, p.status)) : null,
        p.finding ? findingView(ctx, p.finding) : null,
      ),
    );
  });
  return h('div', null, legend, table('probes-title', [s.colTarget, s.colKind, s.colTimeline, s.colResult], rows, 'probes'));
}

export function mirrorsView(ctx: ViewContext, mirrors: readonly HealthMirror[]): HTMLElement {
  const s = ctx.s;
  if (mirrors.length === 0) return h('p', { class: 'empty' }, s.mirrorsEmpty);
  const rows = mirrors.map((m, i) =>
    h(
      'tr',
      { attrs: { 'data-mirror': m.url } },
      h('th', { class: 'mono', attrs: { scope: 'row' } }, m.url),
      h('td', null, h('span', { class: `status status-${m.healthy ? 'ok' : 'error'}` }, m.healthy ? s.healthy : s.unhealthy)),
      h('td', { class: 'num' }, formatMs(m.ms)),
      h(
        'td',
        null,
        m.configured
          ? h('span', { class: 'tag' }, s.inUse)
          : actionButton(ctx, s.switchMirror, { kind: 'applyFix', fixId: m.fixId }, `mirror-${m.url}`, {
              needsTrust: true,
              primary: i === 0 && m.healthy,
              ariaLabel: format(s.switchMirrorLabel, m.url),
            }),
      ),
    ),
  );
  return table('mirrors-title', [s.colMirror, s.colHealth, s.colLatency, ''], rows, 'mirrors');
}

function cacheKind(ctx: ViewContext, kind: HealthCacheTarget['kind']): string {
  return { modcache: ctx.s.cacheModcache, gocache: ctx.s.cacheGocache, vcs: ctx.s.cacheVcs }[kind];
}

function yesNo(ctx: ViewContext, v: boolean | null): string {
  return v === null ? ctx.s.unknown : v ? ctx.s.yes : ctx.s.no;
}

export function cacheView(ctx: ViewContext, cache: readonly HealthCacheTarget[] | null): HTMLElement {
  const s = ctx.s;
  const actions = h(
    'div',
    { class: 'toolbar' },
    actionButton(ctx, s.cleanModuleCache, { kind: 'command', command: 'gomodDoctor.cleanModuleCache' }, 'cmd-clean-mod', { needsTrust: true }),
    actionButton(ctx, s.cleanBuildCache, { kind: 'command', command: 'gomodDoctor.cleanBuildCache' }, 'cmd-clean-build', { needsTrust: true }),
    actionButton(ctx, s.pruneModuleCache, { kind: 'command', command: 'gomodDoctor.pruneModuleCache' }, 'cmd-prune', { needsTrust: true }),
  );
  if (cache === null) return h('div', null, h('p', { class: 'empty' }, s.cacheNotInspected), actions);
  const rows = cache.map((c) => {
    const size = c.sizeBytes === null ? s.unknown : c.sizeComplete ? formatBytes(c.sizeBytes) : format(s.sizeAtLeast, formatBytes(c.sizeBytes));
    return h(
      'tr',
      { attrs: { 'data-cache': c.kind } },
      h('th', { attrs: { scope: 'row' } }, cacheKind(ctx, c.kind), h('div', { class: 'muted mono' }, c.variable)),
      h('td', { class: 'mono' }, c.path, c.exists ? null : h('div', { class: 'muted' }, s.missing)),
      h('td', { class: 'num' }, c.exists ? size : '—'),
      h('td', { class: 'num' }, c.freeBytes === null ? s.unknown : formatBytes(c.freeBytes)),
      h('td', null, h('span', { class: c.writable === false ? 'status status-error' : '' }, yesNo(ctx, c.writable))),
    );
  });
  return h('div', null, table('cache-title', [s.colCache, s.colPath, s.colSize, s.colFree, s.colWritable], rows, 'cache'), actions);
}

export function findingsView(ctx: ViewContext, findings: readonly HealthFinding[]): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'empty' }, ctx.s.findingsNone);
  return h('ul', { class: 'plain findings' }, ...findings.map((f) => h('li', null, findingView(ctx, f))));
}
