// The choices the picker commands offer, built from the health snapshot. Pure (no vscode): pickerCommands.ts shows
// them with window.showQuickPick / showInputBox and turns the chosen one into an env fix.
import type { HealthSnapshot } from '../protocol';
import type { Translator } from './translator';

/** What picking an item does. */
export type PickAction =
  | { kind: 'fix'; fixId: string; value: string }
  | { kind: 'value'; value: string; warning?: string }
  | { kind: 'current'; value: string }
  | { kind: 'custom' };

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  action: PickAction;
}

function envValue(snapshot: HealthSnapshot | undefined, name: string): { value: string; layer: string } | undefined {
  const v = snapshot?.env.find((e) => e.name === name);
  return v ? { value: v.value, layer: v.layer } : undefined;
}

/** Switch GOPROXY…: the value in force, each mirror with its measured latency and health, then "Enter a URL…". */
export function proxyItems(snapshot: HealthSnapshot | undefined, l10n: Translator): PickItem[] {
  const items: PickItem[] = [];
  const current = envValue(snapshot, 'GOPROXY');
  if (current) {
    items.push({
      label: `$(circle-filled) ${current.value || l10n.t('(empty)')}`,
      description: l10n.t('in use, from {0}', current.layer),
      action: { kind: 'current', value: current.value },
    });
  }
  for (const m of snapshot?.mirrors ?? []) {
    const health = m.healthy ? l10n.t('$(check) {0} ms', m.ms) : l10n.t('$(error) unreachable after {0} ms', m.ms);
    items.push({
      label: m.url,
      description: m.configured ? `${health} · ${l10n.t('configured')}` : health,
      action: { kind: 'fix', fixId: m.fixId, value: m.url },
    });
  }
  items.push({ label: l10n.t('$(edit) Enter a URL…'), description: l10n.t('any GOPROXY list, e.g. https://goproxy.cn,direct'), action: { kind: 'custom' } });
  return items;
}

/** Set GOSUMDB…: the database, its mainland-China alias, the proxies measured to carry it, off (with a warning), custom. */
export function sumdbItems(snapshot: HealthSnapshot | undefined, l10n: Translator): PickItem[] {
  const items: PickItem[] = [];
  const current = envValue(snapshot, 'GOSUMDB');
  if (current) {
    items.push({
      label: `$(circle-filled) ${current.value || l10n.t('(empty)')}`,
      description: l10n.t('in use, from {0}', current.layer),
      action: { kind: 'current', value: current.value },
    });
  }
  const probeOf = (target: string) => snapshot?.probes?.find((p) => p.kind === 'sumdb' && !p.via && p.target.replace(/\/+$/, '').endsWith(target));
  const measured = (ok: boolean | undefined, ms: number | undefined) =>
    ok === undefined ? undefined : ok ? l10n.t('$(check) {0} ms', ms ?? 0) : l10n.t('$(error) unreachable after {0} ms', ms ?? 0);
  const direct = probeOf('sum.golang.org');
  items.push({
    label: 'sum.golang.org',
    description: [l10n.t('the default checksum database'), measured(direct?.ok, direct?.ms)].filter(Boolean).join(' · '),
    action: { kind: 'value', value: 'sum.golang.org' },
  });
  items.push({
    label: 'sum.golang.google.cn',
    description: l10n.t('the same database, reachable in mainland China'),
    action: { kind: 'value', value: 'sum.golang.google.cn' },
  });
  const seen = new Set<string>();
  for (const p of snapshot?.probes ?? []) {
    if (p.kind !== 'sumdb' || !p.via || seen.has(p.via)) continue;
    seen.add(p.via);
    const url = `${p.via.replace(/\/+$/, '')}/sumdb/sum.golang.org`;
    items.push({
      label: `sum.golang.org ${url}`,
      description: [l10n.t('through the proxy {0}', p.via), measured(p.ok, p.ms)].join(' · '),
      action: { kind: 'value', value: `sum.golang.org ${url}` },
    });
  }
  items.push({
    label: 'off',
    description: l10n.t('$(warning) no checksum verification'),
    detail: l10n.t('Downloaded modules are no longer checked against the checksum database: a tampered module would go unnoticed.'),
    action: {
      kind: 'value',
      value: 'off',
      warning: l10n.t('GOSUMDB=off turns off checksum verification for every module: a tampered download would go unnoticed. Prefer a mirror of the checksum database, or GONOSUMDB for private modules only.'),
    },
  });
  items.push({ label: l10n.t('$(edit) Enter a value…'), description: l10n.t('name, name+hash+key, optionally followed by a URL'), action: { kind: 'custom' } });
  return items;
}

/** Hosts whose modules are public (the Go project's own, big public hosts and vanity domains); never suggested. */
const PUBLIC_PREFIXES = ['golang.org/', 'google.golang.org/', 'gopkg.in/', 'go.uber.org/', 'k8s.io/', 'sigs.k8s.io/', 'cloud.google.com/', 'go.opentelemetry.io/', 'honnef.co/', 'mvdan.cc/', 'example.com/'];
/** Shared hosts where an organisation is the second element: suggest host/org, not the whole host. */
const SHARED_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'codeberg.org']);

/** One element of a GOPRIVATE glob (path.Match: *, ?, [...] classes, \ escapes) against one path element. */
function matchElement(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) return false;
      re += `[${pattern.slice(i + 1, end)}]`; // path.Match classes read like regex ones ([^…] negates, \ escapes)
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`).test(name);
  } catch {
    return false;
  }
}

/** Whether a comma-separated GOPRIVATE-style list matches a module path (a pattern matches a path prefix). */
export function matchesPatterns(patterns: string, path: string): boolean {
  const elems = path.split('/');
  return patterns
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .some((p) => {
      const pe = p.replace(/\/+$/, '').split('/');
      return pe.length <= elems.length && pe.every((e, i) => matchElement(e, elems[i]));
    });
}

/** The GOPRIVATE pattern to suggest for a module path: host/org on shared hosts, else the host. */
export function patternFor(path: string): string | undefined {
  const elems = path.split('/');
  const host = elems[0];
  if (!host.includes('.') || PUBLIC_PREFIXES.some((p) => `${path}/`.startsWith(p))) return undefined;
  if (SHARED_HOSTS.has(host)) return elems.length >= 2 ? `${host}/${elems[1]}` : undefined;
  return host;
}

/**
 * Add to GOPRIVATE…: patterns worth suggesting, most likely first — module paths of the workspace's own go.mod
 * files (a company's modules usually live next to each other), then required modules that failed through a public
 * route. Paths GOPRIVATE already covers and public hosts are left out.
 */
export function privateSuggestions(ownModules: string[], snapshot: HealthSnapshot | undefined): string[] {
  const goprivate = envValue(snapshot, 'GOPRIVATE')?.value ?? '';
  const failing = (snapshot?.modules ?? []).filter((m) => !m.private && m.status === 'error').map((m) => m.module);
  const out: string[] = [];
  for (const path of [...ownModules, ...failing]) {
    if (goprivate && matchesPatterns(goprivate, path)) continue;
    const p = patternFor(path);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Quick checks before the server validates a GOPRIVATE pattern list (it answers the authoritative error). */
export function patternProblem(value: string, l10n: Translator): string | undefined {
  const v = value.trim();
  if (v === '') return l10n.t('Enter a module path pattern, e.g. git.example.com or github.com/your-org');
  if (/[\s,]/.test(v)) return l10n.t('One pattern at a time, without spaces.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return l10n.t('A pattern is a module path prefix, not a URL: leave out the scheme.');
  return undefined;
}

/** Quick checks of a typed GOPROXY list: each entry a URL (http, https, file), direct or off. */
export function proxyProblem(value: string, l10n: Translator): string | undefined {
  const v = value.trim();
  if (v === '') return l10n.t('Enter a GOPROXY list, e.g. https://goproxy.cn,direct');
  for (const entry of v.split(/[,|]/)) {
    const e = entry.trim();
    if (e === 'direct' || e === 'off') continue;
    let url: URL;
    try {
      url = new URL(e);
    } catch {
      return l10n.t('"{0}" is not a URL, direct or off.', e);
    }
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) return l10n.t('"{0}": GOPROXY URLs use https, http or file.', e);
  }
  return undefined;
}

/** The module paths declared by go.mod texts (`module` directive), for privateSuggestions. */
export function moduleDirective(goModText: string): string | undefined {
  const m = /^\s*module\s+("?)([^\s"/][^\s"]*)\1\s*(?:\/\/.*)?$/m.exec(goModText);
  return m?.[2];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
/** 1536 → "1.5 KB" (powers of 1024, like du -h). */
export function formatBytes(bytes: number): string {
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${UNITS[u]}`;
}
