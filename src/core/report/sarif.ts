// SARIF 2.1.0, so code-scanning tools show findings as annotations on go.mod lines. Rules carry their explanation
// from docs/findings.md (short and full description, help) and a help URI; every result has a location, because
// code scanning drops results without one: findings about the environment or a host are anchored on line 1 of the
// first module file (marked `properties.anchored`), since that is the build they break.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../diagnose/docs';
import { severityRank, type Finding, type Severity } from '../finding';
import { docsSection } from './docsSections';
import { redactSecrets } from './redact';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  /** A module file (absolute path) to anchor findings that have no file of their own; without it they have no location. */
  anchorFile?: string;
}

const uriOf = (baseDir: string, file: string) => relative(baseDir, file).split(sep).join('/');

function rule(id: string, findings: Finding[]) {
  const worst = findings.filter((f) => f.code === id).sort((a, b) => severityRank[a.severity] - severityRank[b.severity])[0];
  const section = docsSection(id);
  return {
    id,
    name: id,
    shortDescription: { text: section?.short ?? id },
    fullDescription: { text: section?.full ?? id },
    ...(section ? { help: { text: section.full, markdown: section.markdown } } : {}),
    helpUri: docsUrl(id),
    defaultConfiguration: { level: levels[worst?.severity ?? 'warning'] },
    properties: { tags: ['go-modules', id.split('.')[0]] },
  };
}

export function renderSarif(findings: Finding[], baseDir: string, toolVersion: string, opts: SarifOptions = {}): string {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.code,
      ruleIndex: codes.indexOf(f.code),
      level: levels[f.severity],
      message: { text: redactSecrets(f.message) },
    };
    const file = f.file ?? opts.anchorFile;
    if (file) {
      // SARIF counts from 1, in UTF-16 code units (columnKind below), like LSP columns + 1.
      const region = f.file && f.range
        ? { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 }
        : { startLine: 1 };
      result.locations = [{ physicalLocation: { artifactLocation: { uri: uriOf(baseDir, file), uriBaseId: 'SRCROOT' }, region } }];
    }
    const properties: Record<string, unknown> = {};
    for (const k of ['module', 'version', 'host', 'variable'] as const) if (f[k]) properties[k] = redactSecrets(f[k]!);
    if (!f.file && file) properties.anchored = true;
    if (f.fixes?.length) properties.fixes = f.fixes.map((x) => redactSecrets(x.title));
    if (Object.keys(properties).length > 0) result.properties = properties;
    return result;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gomod-doctor', version: toolVersion, semanticVersion: toolVersion, rules: codes.map((id) => rule(id, findings)) } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(baseDir.endsWith(sep) ? baseDir : baseDir + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return redactSecrets(JSON.stringify(sarif, null, 2)) + '\n';
}
