import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding } from '../core/finding';
import { docsUrl } from '../core/diagnose/docs';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { redactSecrets } from '../core/report/redact';

const severities: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const wholeFirstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let docsLines: string[] | undefined;

/** The docs section of a code as a location: the findings page at the line of its heading. */
function docsLocation(code: string): { uri: string; line: number } {
  const uri = docsUrl(code).replace(/#.*$/, '');
  if (!docsLines) {
    try {
      docsLines = readFileSync(fileURLToPath(uri), 'utf8').split('\n');
    } catch {
      docsLines = [];
    }
  }
  return { uri, line: Math.max(0, docsLines.findIndex((l) => l.startsWith(`### \`${code}\``))) };
}

/**
 * Related information of a module finding: the proxy (or checksum database) finding behind it, shown where the
 * variable that chose that source is set when that is a file we know, else at the code's docs section.
 */
function related(f: Finding, envFile?: { path: string; text: string }): DiagnosticRelatedInformation[] | undefined {
  const rel = (f.evidence as { related?: { code: string; target: string } } | undefined)?.related;
  if (!rel) return undefined;
  let location = docsLocation(rel.code);
  if (envFile && f.variable) {
    const line = envFile.text.split('\n').findIndex((l) => l.startsWith(`${f.variable}=`));
    if (line >= 0) location = { uri: pathToFileURL(envFile.path).href, line };
  }
  const range = { start: { line: location.line, character: 0 }, end: { line: location.line, character: 0 } };
  return [{ location: { uri: location.uri, range }, message: redactSecrets(`${rel.code}: ${rel.target}`) }];
}

export function toDiagnostic(f: Finding, opts: { envFile?: { path: string; text: string } } = {}): Diagnostic {
  const d: Diagnostic = {
    range: f.range ?? wholeFirstLine,
    severity: severities[f.severity],
    code: f.code,
    codeDescription: { href: docsUrl(f.code) },
    source: DIAGNOSTIC_SOURCE,
    message: redactSecrets(f.message),
    // Evidence may hold the GOPROXY URL as configured, credentials included: it leaves the server redacted.
    data: JSON.parse(redactSecrets(JSON.stringify({ fixes: f.fixes ?? [], evidence: f.evidence, module: f.module, version: f.version }))) as unknown,
  };
  if (f.code === 'module.deprecated') d.tags = [DiagnosticTag.Deprecated];
  const info = related(f, opts.envFile);
  if (info) d.relatedInformation = info;
  return d;
}
