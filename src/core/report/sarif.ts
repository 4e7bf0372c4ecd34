// SARIF 2.1.0, so code-scanning tools show findings as annotations on go.mod lines.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../diagnose/docs';
import type { Finding } from '../finding';
import { redactSecrets } from './redact';

const levels: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function renderSarif(findings: Finding[], baseDir: string, toolVersion: string): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: levels[f.severity],
      message: { text: redactSecrets(f.message) },
    };
    if (f.file) {
      const region = f.range && {
        // SARIF counts from 1, in UTF-16 code units by default, like LSP columns + 1.
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      result.locations = [
        { physicalLocation: { artifactLocation: { uri: relative(baseDir, f.file).split(sep).join('/'), uriBaseId: 'SRCROOT' }, ...(region ? { region } : {}) } },
      ];
    }
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gomod-doctor',
            version: toolVersion,
            rules: codes.map((id) => ({ id, name: id, helpUri: docsUrl(id) })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(baseDir + sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
