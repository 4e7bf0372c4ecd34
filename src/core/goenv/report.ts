// Rendering of the resolved environment: the `env` JSON shape (DESIGN.md §3, contract) and a text table.
// Every value that leaves here is redacted.
import type { Finding } from '../finding';
import { redactSecrets } from '../report/redact';
import { t, type MessageKey } from '../i18n';
import type { Layer, LayerValue, ResolvedEnv, VarNote } from './resolve';
import type { Route } from './route';

export interface EnvJsonVar {
  name: string;
  value: string;
  layer: Layer;
  shadowed: Array<{ layer: Layer; value: string; name?: string }>;
  /** Extensions of the contract shape: where an inherited/twin value came from, ignored values, notes. */
  from?: string;
  ignored?: Array<{ layer: Layer; value: string; name?: string }>;
  notes?: VarNote[];
}

export interface EnvJson {
  go: { path: string | null; version: string | null };
  envFile: string | null;
  vars: EnvJsonVar[];
  findings: Finding[];
}

const redactLv = (lv: LayerValue) => ({ layer: lv.layer, value: redactSecrets(lv.value), ...(lv.name ? { name: lv.name } : {}) });

export function envToJson(env: ResolvedEnv, findings: Finding[], go: { path?: string; version?: string }): EnvJson {
  return {
    go: { path: go.path ?? null, version: go.version ? `go${go.version}` : null },
    envFile: env.envFile.path ?? null,
    vars: env.vars.map((v) => {
      const out: EnvJsonVar = { name: v.name, value: redactSecrets(v.value), layer: v.layer, shadowed: v.shadowed.map(redactLv) };
      if (v.from) out.from = v.from;
      if (v.ignored.length) out.ignored = v.ignored.map(redactLv);
      if (v.notes.length) out.notes = v.notes;
      return out;
    }),
    findings,
  };
}

const quote = (s: string) => (s === '' ? '""' : /\s/.test(s) ? JSON.stringify(s) : s);

/** A plain-text table: VARIABLE, VALUE, LAYER, SHADOWED, NOTES. Columns are padded; long values are not cut. */
export function renderEnvTable(env: ResolvedEnv): string {
  const header = t('env.cli.header').split('|');
  const rows: string[][] = env.vars.map((v) => {
    const value = v.value === '' ? '' : quote(redactSecrets(v.value));
    const layer = v.from ? `${v.layer} (${v.from})` : v.layer;
    const shadowed = v.shadowed.map((s) => `${s.name ? s.name + ' ' : ''}${s.layer}=${quote(redactSecrets(s.value))}`);
    for (const i of v.ignored) shadowed.push(`${i.name ? i.name + ' ' : ''}${i.layer}=${quote(redactSecrets(i.value))}*`);
    const notes = v.notes.map((n) => t(`env.note.${n}` as MessageKey)).join('; ');
    return [v.name, value, layer, shadowed.join(', '), notes];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function renderFindingsList(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const lines = [t('env.cli.findings', { count: findings.length })];
  for (const f of findings) {
    lines.push(`  ${f.severity} ${f.code}: ${f.message}`);
    for (const fix of f.fixes ?? []) {
      const settings = fix.id.startsWith('env@editor:') ? ' --settings <settings.json>' : '';
      lines.push(`      gomod-doctor fix '${fix.id.replace(/'/g, `'\\''`)}'${settings}   # ${fix.title}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function renderRoute(r: Route): string {
  const lines = [t('env.cli.route', { module: r.module })];
  if (r.error) lines.push('  ' + t('env.cli.route-error', { error: redactSecrets(r.error) }));
  r.sources.forEach((s, i) => {
    const what =
      s.kind === 'proxy'
        ? redactSecrets(s.url!) + (s.repeat ? ' (cached)' : '')
        : s.kind === 'off'
          ? 'off (module lookup disabled by GOPROXY=off)'
          : `direct (${s.host}${s.via ? `, ${s.via.variable} ${s.via.pattern}` : ''}${s.insecure ? ', GOINSECURE' : ''})`;
    const fallback = i === r.sources.length - 1 ? '' : t(s.fallback === 'any-error' ? 'env.cli.route-fallback-any' : 'env.cli.route-fallback-not-found');
    lines.push('  ' + t('env.cli.route-source', { n: i + 1, source: what, fallback }));
  });
  const db = r.sumdb;
  if (!db.consulted) lines.push('  ' + t('env.cli.route-sumdb-off', { reason: db.reason + (db.pattern ? ` ${db.pattern}` : '') }));
  else if (db.error) lines.push('  ' + t('env.cli.route-sumdb', { name: db.name || 'GOSUMDB', where: redactSecrets(db.error) }));
  else if (db.explicitUrl) lines.push('  ' + t('env.cli.route-sumdb', { name: db.name, where: redactSecrets(db.explicitUrl) }));
  else {
    const probes = db.probes.map((p) => redactSecrets(p.supportedUrl));
    lines.push('  ' + t('env.cli.route-sumdb', { name: db.name, where: [...probes, db.direct].join(' → ') }));
  }
  return lines.join('\n') + '\n';
}
