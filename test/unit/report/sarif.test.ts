// SARIF 2.1.0 as GitHub code scanning reads it: rules with descriptions, help and a help URI taken from
// docs/findings.md; every result located (file-less findings anchored on the module file); redaction.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsAnchor, setDocsFile } from '../../../src/core/diagnose/docs';
import type { Finding } from '../../../src/core/finding';
import { docsSection, markdownToText, parseDocsSections } from '../../../src/core/report/docsSections';
import { renderSarif } from '../../../src/core/report/sarif';

const root = join(__dirname, '..', '..', '..', '..');
const docs = join(root, 'docs', 'findings.md');
const base = join('/work', 'repo');

/** The parts of a SARIF log that code scanning requires (GitHub's documented subset), checked field by field. */
function assertCodeScanningShape(log: any): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  for (const run of log.runs) {
    assert.equal(typeof run.tool.driver.name, 'string');
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const r of run.tool.driver.rules) {
      for (const k of ['shortDescription', 'fullDescription']) assert.ok(r[k]?.text?.length > 0, `${r.id}.${k}`);
      assert.match(r.helpUri, /^[a-z]+:\/\//);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
    }
    for (const res of run.results) {
      assert.ok(ids.includes(res.ruleId));
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(res.message.text.length > 0);
      assert.ok(res.locations?.length >= 1, `${res.ruleId} has a location`);
      for (const l of res.locations) {
        assert.doesNotMatch(l.physicalLocation.artifactLocation.uri, /^(\/|[a-z]+:)/, 'repository-relative uri');
        assert.ok(Number.isInteger(l.physicalLocation.region.startLine) && l.physicalLocation.region.startLine >= 1);
      }
    }
  }
}

describe('report: SARIF', () => {
  before(() => setDocsFile(docs));

  it('every documented code has a section with a description and a fix', () => {
    const text = readFileSync(docs, 'utf8');
    const sections = parseDocsSections(text);
    const headings = [...text.matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]);
    assert.ok(headings.length > 100, `${headings.length} codes documented`);
    for (const code of headings) {
      const s = docsSection(code);
      assert.ok(s, code);
      assert.ok(s.short.length > 10 && s.full.startsWith(s.short), code);
      assert.ok(!/\*\*|`/.test(s.full), `${code}: plain text`);
      assert.equal(sections.get(docsAnchor(code)), s.markdown);
    }
    assert.equal(markdownToText('**Error.** Use `go get` [docs](x.md).'), 'Error. Use go get docs.');
  });

  it('rules carry the docs text; results are located, 1-based; file-less ones anchored on line 1 of the module file', () => {
    const findings: Finding[] = [
      { code: 'gomod.version-invalid', severity: 'error', message: 'bad', file: join(base, 'svc', 'go.mod'), range: { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } } },
      { code: 'gomod.version-invalid', severity: 'warning', message: 'bad too', file: join(base, 'svc', 'go.mod') },
      { code: 'env.goproxy-off', severity: 'warning', message: 'GOPROXY=off', variable: 'GOPROXY', fixes: [{ id: 'env:set:GOPROXY=x', title: 'Set it' }] },
      { code: 'proxy.timeout', severity: 'error', message: 'https://u:s3cr3t-x@proxy.corp timed out', host: 'proxy.corp' },
    ];
    const log = JSON.parse(renderSarif(findings, base, '9.9.9', { anchorFile: join(base, 'go.mod') }));
    assertCodeScanningShape(log);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, 'file:///work/repo/');
    const rule = run.tool.driver.rules.find((r: any) => r.id === 'gomod.version-invalid');
    const section = docsSection('gomod.version-invalid')!;
    assert.equal(rule.help.markdown, section.markdown);
    assert.equal(rule.shortDescription.text, section.short);
    assert.equal(rule.defaultConfiguration.level, 'error', 'the worst severity seen');
    assert.ok(rule.helpUri.endsWith('#gomodversion-invalid'));
    const [located, noRange, env, host] = run.results;
    assert.deepEqual(located.locations[0].physicalLocation, {
      artifactLocation: { uri: 'svc/go.mod', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 25, endLine: 5, endColumn: 31 },
    });
    assert.deepEqual(noRange.locations[0].physicalLocation.region, { startLine: 1 });
    assert.equal(noRange.properties, undefined);
    assert.deepEqual(env.locations[0].physicalLocation, { artifactLocation: { uri: 'go.mod', uriBaseId: 'SRCROOT' }, region: { startLine: 1 } });
    assert.deepEqual(env.properties, { variable: 'GOPROXY', anchored: true, fixes: ['Set it'] });
    assert.equal(host.level, 'error');
    assert.equal(host.properties.host, 'proxy.corp');
    assert.ok(!JSON.stringify(log).includes('s3cr3t'));
  });

  it('without a module file to anchor on, file-less results have no location (and nothing else breaks)', () => {
    const log = JSON.parse(renderSarif([{ code: 'env.goproxy-off', severity: 'info', message: 'x' }], base, '1.0.0'));
    assert.equal(log.runs[0].results[0].locations, undefined);
    assert.equal(log.runs[0].results[0].level, 'note');
  });

  it('an undocumented code still gets a valid rule', () => {
    const log = JSON.parse(renderSarif([{ code: 'zz.unknown', severity: 'hint', message: 'x', file: join(base, 'go.mod') }], base, '1.0.0'));
    assert.deepEqual(log.runs[0].tool.driver.rules[0].shortDescription, { text: 'zz.unknown' });
    assertCodeScanningShape(log);
  });
});
