// Every code the translator, the watchdog and the cache doctor can report has a section in docs/findings.md.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { explainGoError } from '../../../src/core/diagnose/explain';

const root = path.join(__dirname, '..', '..', '..', '..');

describe('docs/findings.md covers the translator, watchdog and cache codes', () => {
  it('has a section for every code', () => {
    const docs = readFileSync(path.join(root, 'docs', 'findings.md'), 'utf8');
    const codes = new Set<string>([
      // cache inspection, clean and the watchdog's own codes
      ...['not-configured', 'gocache-off', 'not-directory', 'missing', 'not-writable', 'disk-full', 'disk-low', 'network-fs', 'readonly-tree', 'foreign-owner', 'partial-download', 'lock-held', 'lock-stale', 'lock-wait', 'scan-incomplete', 'clean-incomplete'].map((k) => `cache.${k}`),
      'proxy.stalled',
      'sumdb.stalled',
      'module.stalled',
      'module.command-timeout',
    ]);
    const dir = path.join(root, 'test', 'fixtures', 'go-errors');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8').split('\n---\n')[1];
      for (const finding of explainGoError(text).findings) codes.add(finding.code);
    }
    const missing = [...codes].filter((c) => !docs.includes(`### \`${c}\``) && !docs.includes(`\`${c}\``));
    assert.deepEqual(missing, []);
  });
});
