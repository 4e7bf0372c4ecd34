// The panel's pure logic: sorting and filtering the module rows, the probe timelines, number formats.
// No DOM here, so the unit tests run it on Node.
import type { HealthModule, HealthProbe, HealthStage } from '../protocol';

export const MODULE_SORT_KEYS = ['module', 'version', 'direct', 'route', 'status', 'latency', 'finding'] as const;
export type ModuleSortKey = (typeof MODULE_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: ModuleSortKey;
  dir: SortDir;
}

/** Worst first: what needs attention opens the table. */
export const DEFAULT_SORT: SortState = { key: 'status', dir: 'asc' };

const STATUS_RANK: Record<HealthModule['status'], number> = { error: 0, warning: 1, checking: 2, ok: 3, skipped: 4 };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** Clicking the sorted column flips its direction; another column sorts ascending. */
export function nextSort(current: SortState, key: ModuleSortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

function parseVersion(v: string): { nums: number[]; pre: string } | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v);
  return m ? { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? '' } : undefined;
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1; // a release sorts after its prereleases
  if (!b) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = /^\d+$/.test(pa[i]);
    const nb = /^\d+$/.test(pb[i]);
    if (na && nb && Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
    if (na !== nb) return na ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    if (!na && pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Semantic version order (v1.10.0 after v1.9.0, prereleases before their release); anything else after, by text. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return va ? -1 : vb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < 3; i++) if (va.nums[i] !== vb.nums[i]) return va.nums[i] - vb.nums[i];
  return comparePrerelease(va.pre, vb.pre);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingRank(m: HealthModule): number | undefined {
  return m.finding ? SEVERITY_RANK[m.finding.severity] : undefined;
}

/** A value to compare by, or undefined for "nothing there" (always sorted last, in both directions). */
function compareBy(key: ModuleSortKey, a: HealthModule, b: HealthModule): number | undefined {
  switch (key) {
    case 'module':
      return compareText(a.module, b.module);
    case 'version':
      return compareVersions(a.version, b.version);
    case 'direct':
      return Number(b.direct) - Number(a.direct); // direct first
    case 'route':
      return compareText(a.route, b.route);
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'latency':
      if (a.latencyMs === undefined || b.latencyMs === undefined) return undefined;
      return a.latencyMs - b.latencyMs;
    case 'finding': {
      const ra = findingRank(a);
      const rb = findingRank(b);
      if (ra === undefined || rb === undefined) return undefined;
      return ra - rb || compareText(a.finding!.code, b.finding!.code);
    }
  }
}

function missing(key: ModuleSortKey, m: HealthModule): boolean {
  return (key === 'latency' && m.latencyMs === undefined) || (key === 'finding' && !m.finding);
}

/** A sorted copy; ties fall back to module path, version, then file and line, so the order is total and stable. */
export function sortModules(rows: readonly HealthModule[], sort: SortState): HealthModule[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ma = missing(sort.key, a);
    const mb = missing(sort.key, b);
    if (ma !== mb) return ma ? 1 : -1;
    const primary = ma ? 0 : (compareBy(sort.key, a, b) ?? 0) * sign;
    return (
      primary ||
      compareText(a.module, b.module) ||
      compareVersions(a.version, b.version) ||
      compareText(a.uri, b.uri) ||
      a.line - b.line
    );
  });
}

/** Rows matching every whitespace-separated word of the query, case-insensitively, in any of the shown columns
 *  (labels: the localized words the row shows, e.g. its status, so a user can filter by what they read). */
export function filterModules(rows: readonly HealthModule[], query: string, labels: (m: HealthModule) => string[] = () => []): HealthModule[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((m) => {
    const hay = [m.module, m.version, m.route, m.status, m.source ?? '', m.finding?.code ?? '', m.finding?.message ?? '', ...labels(m)]
      .join('\n')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export interface TimelineSegment {
  stage: HealthStage['stage'];
  ms: number;
  /** Width as a share of the common scale, in percent (at least 1 for a stage that took any time, to stay visible). */
  percent: number;
}

/** The common scale of all timelines (so bars compare across rows): the longest probe, at least 1 ms. */
export function timelineScale(probes: readonly HealthProbe[]): number {
  let max = 1;
  for (const p of probes) max = Math.max(max, p.ms, p.stages.reduce((sum, s) => sum + Math.max(0, s.ms), 0));
  return max;
}

export function timelineSegments(probe: HealthProbe, scaleMs: number): TimelineSegment[] {
  return probe.stages
    .filter((s) => s.stage !== 'done' && Number.isFinite(s.ms) && s.ms >= 0)
    .map((s) => ({ stage: s.stage, ms: s.ms, percent: s.ms > 0 ? Math.min(100, Math.max(1, (s.ms / scaleMs) * 100)) : 0 }));
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Fills {0}, {1}… of a translated template; a placeholder without an argument stays as it is. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}
