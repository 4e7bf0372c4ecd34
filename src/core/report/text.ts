// Plain-text rendering of findings for terminals and CI logs: grouped by where the problem is (the Go environment,
// each network host, the caches, each file), each finding with its fixes and, where a fix can be run from a shell,
// the command that runs it. ANSI colour only when asked for (the CLI asks only for a terminal without NO_COLOR).
import { dirname, isAbsolute, relative } from 'node:path';
import type { Finding, Severity } from '../finding';
import { t } from '../i18n';
import { redactSecrets } from './redact';

export interface TextReportOptions {
  /** Paths are shown relative to this directory (absolute when outside it). */
  baseDir: string;
  /** Where the printed commands are meant to be run (default baseDir): `go -C <dir>` is relative to it. */
  cwd?: string;
  /** How many files were checked; the summary names the count when given. */
  fileCount?: number;
  color?: boolean;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m' } as const;
const severityColor: Record<Severity, string> = { error: ANSI.bold + ANSI.red, warning: ANSI.yellow, info: ANSI.cyan, hint: ANSI.dim };

/** A path as a person reads it: relative when it lies below base, absolute otherwise. */
export function displayPath(base: string, file: string): string {
  const rel = relative(base, file);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** Quotes a word for POSIX shells when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell command that carries out a fix, when there is one: env fixes through `gomod-doctor fix`, go.mod edits
 * and downloads through the go command in the module's directory, cache repairs through `gomod-doctor cache`.
 * Advice (`advice:*`, `net.*`) has no command: its title says what to do.
 */
export function fixCommand(id: string, where: { file?: string; cwd: string }): string | undefined {
  if (/^env(@envfile)?:/.test(id)) return `gomod-doctor fix ${shellQuote(id)}`;
  if (id.startsWith('env@editor:')) return `gomod-doctor fix ${shellQuote(id)} --settings <settings.json>`;
  const mod = /^module\.(upgrade|remove-replace|download):([^@\s]+)(?:@(\S+))?$/.exec(id);
  if (mod) {
    const [, kind, path, version] = mod;
    const dir = where.file ? displayPath(where.cwd, dirname(where.file)) : '.';
    const go = dir === '.' ? 'go' : `go -C ${shellQuote(dir)}`;
    if (kind === 'download' && version) return `${go} mod download ${shellQuote(`${path}@${version}`)}`;
    if (kind === 'upgrade' && version) return `${go} mod edit ${shellQuote(`-require=${path}@${version}`)}`;
    if (kind === 'remove-replace') return `${go} mod edit ${shellQuote(`-dropreplace=${version ? `${path}@${version}` : path}`)}`;
    return undefined;
  }
  const clear = /^cache:clear-version:(\S+@\S+)$/.exec(id);
  if (clear) return `gomod-doctor cache clear ${shellQuote(clear[1])}`;
  if (id === 'cache:clean-modcache') return 'gomod-doctor cache clean-modcache';
  return undefined;
}

interface Group {
  order: number;
  label: string;
  findings: Finding[];
}

/** Which group a finding belongs to: its file, else its host, else the environment, caches or the rest. */
function groupOf(f: Finding, baseDir: string): { key: string; order: number; label: string } {
  if (f.file) return { key: `file:${f.file}`, order: 3, label: displayPath(baseDir, f.file) };
  if (f.code.startsWith('cache.')) return { key: 'cache', order: 2, label: t('cli.group.cache') };
  if (f.host) return { key: `host:${f.host}`, order: 1, label: t('cli.group.host', { host: f.host }) };
  if (f.code.startsWith('env.') || f.variable) return { key: 'env', order: 0, label: t('cli.group.env') };
  return { key: 'other', order: 4, label: t('cli.group.other') };
}

/** The summary line: counts by severity (and files when known). */
export function summaryLine(findings: Finding[], fileCount?: number): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const others = findings.length - errors - warnings;
  return fileCount === undefined ? t('cli.summary-nofiles', { errors, warnings, others }) : t('cli.summary', { errors, warnings, others, files: fileCount });
}

export function renderTextReport(findings: Finding[], opts: TextReportOptions): string {
  const paint = (code: string, s: string) => (opts.color ? code + s + ANSI.reset : s);
  const cwd = opts.cwd ?? opts.baseDir;
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const g = groupOf(f, opts.baseDir);
    let group = groups.get(g.key);
    if (!group) groups.set(g.key, (group = { order: g.order, label: g.label, findings: [] }));
    group.findings.push(f);
  }
  const ordered = [...groups.values()].sort((a, b) => a.order - b.order || (a.order === 3 ? (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) : 0));
  const lines: string[] = [];
  for (const g of ordered) {
    lines.push(paint(ANSI.bold, g.label));
    const list = g.order === 3 ? [...g.findings].sort((a, b) => (a.range?.start.line ?? -1) - (b.range?.start.line ?? -1)) : g.findings;
    for (const f of list) {
      const pos = f.range ? `${f.range.start.line + 1}:${f.range.start.character + 1} ` : '';
      lines.push(`  ${pos}${paint(severityColor[f.severity], f.severity)} ${paint(ANSI.dim, f.code)}: ${f.message}`);
      for (const fix of f.fixes ?? []) {
        lines.push(`    ${t('cli.fix')}: ${fix.title}`);
        const command = fixCommand(fix.id, { file: f.file, cwd });
        if (command) lines.push(`      $ ${command}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(findings, opts.fileCount));
  return redactSecrets(lines.join('\n')) + '\n';
}
