import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/finding';
import { docsUrl } from '../core/diagnose/docs';
import { DIAGNOSTIC_SOURCE } from '../protocol';

const severities: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const wholeFirstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range ?? wholeFirstLine,
    severity: severities[f.severity],
    code: f.code,
    codeDescription: { href: docsUrl(f.code) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: { fixes: f.fixes ?? [], evidence: f.evidence },
  };
}
