// The go command's module errors → Findings (DESIGN.md §3). Used by the watchdog, by "Add missing go.sum
// entries", by the command that explains a pasted error, and by `gomod-doctor explain`.
import type { Finding, Range } from '../../finding';
import type { Lang } from '../../i18n';
import { getLanguage } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { t } from '../../i18n';
import { splitRecords } from './records';
import { SHAPES, type Draft, type ShapeContext } from './shapes';
import { classifyUrl, urlsIn } from './urls';

export { classifyUrl, hostName, type UrlFacts, type UrlRole } from './urls';
export { netKind, privatePattern, SHAPES, type NetKind } from './shapes';
export { splitRecords } from './records';

export interface ExplainOptions {
  lang?: Lang;
  /** Resolves relative file names the go command prints (go.mod:3) into absolute ones. */
  cwd?: string;
}

/** Two findings with the same key are the same cause (three "no space left" lines are one full disk). */
function causeKey(d: Draft): string {
  return [d.code, d.module, d.version, d.host, d.file, d.line, d.variable, d.key].join('\u0000');
}

export interface ExplainResult {
  findings: Finding[];
  /** First lines of error records no shape recognised (redacted). */
  unrecognized: string[];
  /** Which shape produced each finding (same order as findings); for tests and the docs table. */
  shapes: string[];
}

/** The module (and version) a record is about: the innermost `<path>@<version>:` or `module <path>:` before the cause. */
function subject(text: string): { module?: string; version?: string } {
  const head = text.split(/\n\s*server response:/)[0];
  let found: { module?: string; version?: string } = {};
  // "go: a@v1 requires\n\tb@v2: …" — the first "path@version:" (not "… requires") is the failing module.
  const re = /(?:^|[\s(])(?:go: )?(?:verifying )?([A-Za-z0-9][^\s@:"'()]*\.[^\s@:"'()]*)@([^\s:@"'()]+?)(:|\s+requires\b| found\b)/gm;
  for (const m of head.matchAll(re)) {
    found = { module: m[1], version: m[2].replace(/\/go\.mod$/, '') };
    if (m[3] === ':') break;
  }
  if (!found.module) {
    const mod = /(?:^|\s)module ([^\s@:]+\.[^\s@:]+): /.exec(head);
    if (mod) found = { module: mod[1] };
  }
  return found;
}

function toolchainOf(text: string): string | undefined {
  const dl = /download (go1[^\s:]*)(?: for \S+)?: /.exec(text);
  if (dl) return dl[1];
  const tc = /golang\.org\/toolchain@v0\.0\.1-(go1[^\s:]*?)\.[a-z0-9]+-[a-z0-9]+\b/.exec(text);
  return tc?.[1];
}

function render(d: Draft, lang: Lang, shape: string, record: string, cwd?: string): Finding {
  const unknownSubject = t('x.subject.unknown', {}, lang);
  const display = d.module ? (d.version ? `${d.module}@${d.version}` : d.module) : unknownSubject;
  const args: Record<string, string> = {
    path: d.module ?? unknownSubject,
    version: d.version ?? '',
    host: d.host ?? t('x.host.unknown', {}, lang),
    file: d.file ?? '',
    line: d.line !== undefined ? String(d.line) : '',
    ...d.args,
    module: display,
  };
  const finding: Finding = {
    code: d.code,
    severity: d.severity ?? 'error',
    message: redactSecrets(t(d.message, args, lang)),
  };
  if (d.file) {
    finding.file = cwd && !/^([/\\]|[A-Za-z]:)/.test(d.file) ? `${cwd.replace(/[/\\]$/, '')}/${d.file}` : d.file;
    if (d.line !== undefined && d.line > 0) {
      const range: Range = { start: { line: d.line - 1, character: 0 }, end: { line: d.line - 1, character: 0 } };
      finding.range = range;
    }
  }
  if (d.module) finding.module = d.module;
  if (d.version) finding.version = d.version;
  if (d.host) finding.host = d.host;
  if (d.variable) finding.variable = d.variable;
  const evidence: Record<string, unknown> = { shape, text: redactSecrets(record.split('\n').slice(0, 12).join('\n')) };
  for (const [k, v] of Object.entries(d.evidence ?? {})) if (v !== undefined) evidence[k] = typeof v === 'string' ? redactSecrets(v) : v;
  finding.evidence = evidence;
  finding.fixes = [{ id: d.fixId ?? `advice:${d.code}`, title: redactSecrets(t(d.fix, args, lang)) }];
  return finding;
}

/** Explains one error record; undefined when no shape recognises it. */
export function explainRecord(text: string, opts: ExplainOptions = {}): { finding: Finding; shape: string; key: string } | undefined {
  const lang = opts.lang ?? getLanguage();
  const firstUrl = urlsIn(text)[0];
  const ctx: ShapeContext = { text, ...subject(text), toolchain: toolchainOf(text) };
  if (firstUrl) ctx.url = classifyUrl(firstUrl);
  for (const shape of SHAPES) {
    const m = shape.re.exec(text);
    if (!m) continue;
    const draft = shape.build(m, ctx);
    if (draft) return { finding: render(draft, lang, shape.id, text, opts.cwd), shape: shape.id, key: causeKey(draft) };
  }
  return undefined;
}

/** Every finding in a piece of go output (stderr of a failed command, or text a user pasted). */
export function explainGoError(output: string, opts: ExplainOptions = {}): ExplainResult {
  const { records } = splitRecords(output);
  const result: ExplainResult = { findings: [], unrecognized: [], shapes: [] };
  const seen = new Set<string>();
  for (const record of records) {
    const hit = explainRecord(record.text, opts);
    if (!hit) {
      // Lines that are not errors at all (a stray "rc=1", a shell prompt) are still reported: the user pasted them.
      result.unrecognized.push(redactSecrets(record.text.split('\n')[0]));
      continue;
    }
    if (seen.has(hit.key)) continue;
    seen.add(hit.key);
    result.findings.push(hit.finding);
    result.shapes.push(hit.shape);
  }
  return result;
}
