// Plain-text rendering of findings for terminals: one line per finding, grouped by file, then a summary.
import { relative } from 'node:path';
import type { Finding } from '../finding';
import { t } from '../i18n';

export function renderFindingsText(findings: Finding[], baseDir: string, fileCount: number): string {
  const lines: string[] = [];
  for (const f of findings) {
    const where = f.file ? relative(baseDir, f.file) || f.file : '';
    const pos = f.range ? `:${f.range.start.line + 1}:${f.range.start.character + 1}` : '';
    lines.push(`${where}${pos}: ${f.severity} ${f.code}: ${f.message}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  lines.push(t('cli.summary', { errors, warnings, others: findings.length - errors - warnings, files: fileCount }));
  return lines.join('\n') + '\n';
}
