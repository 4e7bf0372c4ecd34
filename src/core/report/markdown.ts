// The markdown report: what a person pastes into an issue. Every value passes through redaction.
import { arch, platform, release } from 'node:os';
import { relative } from 'node:path';
import type { Finding } from '../finding';
import { redactSecrets } from './redact';

export interface MarkdownReportInput {
  toolVersion: string;
  goVersion?: string;
  baseDir: string;
  findings: Finding[];
}

/** Escapes what would break a table cell or start markup. */
function cell(s: string): string {
  return redactSecrets(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

export function renderMarkdown(input: MarkdownReportInput): string {
  const lines = [
    '# Go Mod Doctor report',
    '',
    `- gomod-doctor ${input.toolVersion}`,
    `- go: ${input.goVersion ? `go${input.goVersion}` : 'not found'}`,
    `- OS: ${platform()} ${release()} (${arch()})`,
    '',
    '## Findings',
    '',
  ];
  if (input.findings.length === 0) {
    lines.push('None.');
  } else {
    lines.push('| severity | code | where | message |', '| --- | --- | --- | --- |');
    for (const f of input.findings) {
      const where = f.file ? `${relative(input.baseDir, f.file) || f.file}${f.range ? `:${f.range.start.line + 1}:${f.range.start.character + 1}` : ''}` : (f.host ?? f.variable ?? '');
      lines.push(`| ${f.severity} | \`${f.code}\` | ${cell(where)} | ${cell(f.message)} |`);
    }
  }
  return lines.join('\n') + '\n';
}
