// The markdown report of the panel's "Copy report" / "Save report": the CLI's report (findings, environment with
// layers, probes, caches) over the data the health model holds, plus a table of the module rows. Redacted.
import pkg from '../../package.json';
import { cacheState } from '../core/report/context';
import type { Finding } from '../core/finding';
import { envToJson } from '../core/goenv/report';
import { t } from '../core/i18n';
import { renderMarkdown } from '../core/report/markdown';
import { redactSecrets } from '../core/report/redact';
import type { HealthModule } from '../protocol';
import type { RoundResults } from './healthRound';

function cell(s: string): string {
  return redactSecrets(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

function moduleSection(modules: HealthModule[]): string[] {
  if (modules.length === 0) return [t('health.md.modules-none')];
  const rows = modules.map((m) =>
    [
      `\`${cell(m.module)}\``,
      cell(m.version),
      m.direct ? 'direct' : 'indirect',
      cell(m.route) + (m.private ? ' (private)' : ''),
      m.status,
      m.latencyMs !== undefined ? String(m.latencyMs) : '',
      m.finding ? `\`${m.finding.code}\` ${cell(m.finding.message)}` : '',
    ].join(' | '),
  );
  return ['| module | version | require | route | status | ms | finding |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r} |`)];
}

export interface ReportInput {
  results: RoundResults;
  /** Problems of the caches, the probes and every open module file. */
  findings: Finding[];
  modules: HealthModule[];
  fileCount: number;
  baseDir: string;
}

export function healthReport(input: ReportInput): string {
  const { results } = input;
  const go = results.go;
  const md = renderMarkdown({
    toolVersion: pkg.version,
    goVersion: go.version?.replace(/^go/, ''),
    goPath: go.path ?? undefined,
    baseDir: input.baseDir,
    findings: input.findings,
    fileCount: input.fileCount,
    env: results.env ? envToJson(results.env, results.envFindings, {}) : { envFile: null, vars: [] },
    probes: results.probes?.probes,
    cache: results.cache ? cacheState(results.cache.inspection) : undefined,
  });
  return redactSecrets([md.trimEnd(), '', `## ${t('health.md.modules')}`, '', ...moduleSection(input.modules)].join('\n')) + '\n';
}
