// The markdown report: what a person pastes into an issue — tool and go versions, OS, the findings, the effective
// Go environment with the layer of each value, the probes and the state of the caches. Every value passes through
// redaction, and so does the whole text at the end.
import type { Finding } from '../finding';
import type { EnvJsonVar } from '../goenv/report';
import type { ProbeSummary } from '../net/probe';
import { formatBytes } from '../cache';
import { t } from '../i18n';
import { osInfo, type CacheState, type OsInfo } from './context';
import { redactSecrets } from './redact';
import { displayPath } from './text';

export interface MarkdownReportInput {
  toolVersion: string;
  goVersion?: string;
  goPath?: string;
  baseDir: string;
  findings: Finding[];
  /** How many module files were checked. */
  fileCount?: number;
  durationMs?: number;
  os?: OsInfo;
  /** The effective environment (goenv's envToJson), with the env file it read. */
  env?: { envFile: string | null; vars: EnvJsonVar[] };
  /** Probe rows; undefined when probes did not run (--offline). */
  probes?: ProbeSummary[];
  /** undefined: not inspected (no go command to ask where the caches are). */
  cache?: CacheState;
}

/** Escapes what would break a table cell or start markup. */
function cell(s: string): string {
  return redactSecrets(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the value. */
function code(s: string): string {
  if (s === '') return '';
  const v = cell(s);
  return v.includes('`') ? `\`\` ${v} \`\`` : `\`${v}\``;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function findingsSection(input: MarkdownReportInput): string[] {
  if (input.findings.length === 0) return [t('cli.md.none')];
  return table(
    ['severity', 'code', 'where', 'message'],
    input.findings.map((f) => {
      const where = f.file ? `${displayPath(input.baseDir, f.file)}${f.range ? `:${f.range.start.line + 1}:${f.range.start.character + 1}` : ''}` : (f.host ?? f.variable ?? '');
      return [f.severity, `\`${f.code}\``, cell(where), cell(f.message)];
    }),
  );
}

function envSection(env: NonNullable<MarkdownReportInput['env']>): string[] {
  const lines = [t('cli.md.env-file', { file: env.envFile ? code(env.envFile) : t('cli.md.none-short') }), ''];
  lines.push(
    ...table(
      ['variable', 'value', 'layer', 'shadowed'],
      env.vars.map((v) => [
        v.name,
        code(v.value),
        v.from ? `${v.layer} (${cell(v.from)})` : v.layer,
        v.shadowed.map((s) => `${s.name ? s.name + ' ' : ''}${s.layer}=${code(s.value) || '""'}`).join(', '),
      ]),
    ),
  );
  return lines;
}

function probesSection(probes: ProbeSummary[] | undefined): string[] {
  if (probes === undefined) return [t('cli.md.probes-offline')];
  if (probes.length === 0) return [t('cli.md.probes-none')];
  return table(
    ['target', 'kind', 'result', 'stage', 'ms', 'HTTP'],
    probes.map((p) => [code(p.target), p.kind, p.ok ? 'ok' : '**failed**', p.stage, String(p.ms), p.status !== undefined ? String(p.status) : '']),
  );
}

function cacheSection(cache: CacheState | undefined): string[] {
  if (!cache) return [t('cli.md.cache-unknown')];
  const lines = table(
    ['cache', 'variable', 'path', 'exists', 'writable', 'free', 'file system'],
    cache.targets.map((c) => [
      c.kind,
      c.variable,
      code(c.path),
      c.exists ? 'yes' : 'no',
      c.writable === null ? '?' : c.writable ? 'yes' : '**no**',
      c.freeBytes === null ? '?' : formatBytes(c.freeBytes),
      `${c.fsType ?? '?'}${c.network ? ' (network)' : ''}`,
    ]),
  );
  const m = cache.modcache;
  if (m) {
    lines.push(
      '',
      t('cli.md.modcache', {
        versions: m.versions,
        partials: m.partialDownloads,
        readOnly: m.readOnlyDirs,
        locks: m.heldLocks ?? '?',
        complete: m.complete ? '' : t('cli.md.incomplete'),
      }),
    );
  }
  return lines;
}

export function renderMarkdown(input: MarkdownReportInput): string {
  const os = input.os ?? osInfo();
  const lines = [
    '# Go Mod Doctor report',
    '',
    `- gomod-doctor ${input.toolVersion}`,
    `- go: ${input.goVersion ? `go${input.goVersion}` : 'not found'}${input.goPath ? ` (${code(input.goPath)})` : ''}`,
    `- OS: ${os.platform} ${os.release} (${os.arch}), Node ${os.node}`,
  ];
  if (input.fileCount !== undefined) lines.push(`- ${t('cli.md.checked', { files: input.fileCount, ms: input.durationMs ?? '?' })}`);
  lines.push('', `## ${t('cli.md.findings')}`, '', ...findingsSection(input));
  // The full report (check) has the environment; then probes and caches are stated even when absent.
  if (input.env) {
    lines.push('', `## ${t('cli.md.env')}`, '', ...envSection(input.env));
    lines.push('', `## ${t('cli.md.probes')}`, '', ...probesSection(input.probes));
    lines.push('', `## ${t('cli.md.cache')}`, '', ...cacheSection(input.cache));
  }
  return redactSecrets(lines.join('\n')) + '\n';
}
