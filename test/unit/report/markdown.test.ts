// The markdown report: versions, OS, findings, the environment with layers, probes and caches; escaping; redaction.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { setLanguage } from '../../../src/core/i18n';
import { renderMarkdown, type MarkdownReportInput } from '../../../src/core/report/markdown';

const base = join('/work', 'repo');
const os = { platform: 'linux', release: '6.1.0', arch: 'x64', node: 'v20.0.0' };

function input(over: Partial<MarkdownReportInput> = {}): MarkdownReportInput {
  const findings: Finding[] = [
    { code: 'gomod.syntax', severity: 'error', message: 'unexpected | in <line>', file: join(base, 'go.mod'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } } },
    { code: 'env.goproxy-off', severity: 'warning', message: 'off', variable: 'GOPROXY' },
  ];
  return {
    toolVersion: '1.2.3',
    goVersion: '1.26.0',
    goPath: '/usr/local/go/bin/go',
    baseDir: base,
    findings,
    fileCount: 1,
    durationMs: 42,
    os,
    env: {
      envFile: '/home/u/.config/go/env',
      vars: [
        { name: 'GOPROXY', value: 'https://bob:s3cr3t@proxy.corp|direct', layer: 'process', shadowed: [{ layer: 'goroot', value: 'https://proxy.golang.org,direct' }] },
        { name: 'GONOPROXY', value: 'corp.example', layer: 'envfile', shadowed: [], from: 'GOPRIVATE' },
        { name: 'GOFLAGS', value: '', layer: 'default', shadowed: [] },
      ],
    },
    probes: [{ target: 'https://***@proxy.corp', kind: 'proxy', ok: false, stage: 'tcp', ms: 12 }],
    cache: {
      targets: [{ kind: 'modcache', variable: 'GOMODCACHE', path: '/c/mod', exists: true, writable: false, freeBytes: 3 * 1024 ** 3, fsType: 'nfs', network: true }],
      modcache: { versions: 7, partialDownloads: 1, readOnlyDirs: 7, heldLocks: 0, complete: false },
    },
    ...over,
  };
}

describe('report: markdown', () => {
  before(() => setLanguage('en'));

  it('has the header facts and every section, in order', () => {
    const md = renderMarkdown(input());
    assert.match(md, /^# Go Mod Doctor report\n\n- gomod-doctor 1\.2\.3\n- go: go1\.26\.0 \(`\/usr\/local\/go\/bin\/go`\)\n- OS: linux 6\.1\.0 \(x64\), Node v20\.0\.0\n- checked: 1 module file\(s\) in 42 ms\n/);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## Findings', '## Go environment', '## Probes', '## Caches']);
  });

  it('escapes table cells and redacts every value', () => {
    const md = renderMarkdown(input());
    assert.match(md, /\| error \| `gomod\.syntax` \| go\.mod:3:1 \| unexpected \\\| in &lt;line&gt; \|/);
    assert.match(md, /\| warning \| `env\.goproxy-off` \| GOPROXY \| off \|/);
    assert.match(md, /\| GOPROXY \| `https:\/\/\*\*\*@proxy\.corp\\\|direct` \| process \| goroot=`https:\/\/proxy\.golang\.org,direct` \|/);
    assert.match(md, /\| GONOPROXY \| `corp\.example` \| envfile \(GOPRIVATE\) \| {2}\|/);
    assert.match(md, /\| GOFLAGS \| {2}\| default \| {2}\|/);
    assert.ok(!md.includes('s3cr3t'));
  });

  it('probes and caches: rows, counts, and what was not done', () => {
    const md = renderMarkdown(input());
    assert.match(md, /\| `https:\/\/\*\*\*@proxy\.corp` \| proxy \| \*\*failed\*\* \| tcp \| 12 \| {2}\|/);
    assert.match(md, /\| modcache \| GOMODCACHE \| `\/c\/mod` \| yes \| \*\*no\*\* \| 3\.0 GiB \| nfs \(network\) \|/);
    assert.match(md, /Module cache: 7 module version\(s\), 1 partial download\(s\), 7 read-only dir\(s\), 0 lock\(s\) held \(partly read: the time budget ran out\)\./);
    const offline = renderMarkdown(input({ probes: undefined, cache: undefined }));
    assert.match(offline, /## Probes\n\nNot run \(--offline\)\./);
    assert.match(offline, /## Caches\n\nNot inspected/);
  });

  it('the short form (no environment) is the findings table alone, and "None." without findings', () => {
    const md = renderMarkdown({ toolVersion: '1', baseDir: base, findings: [], os });
    assert.match(md, /## Findings\n\nNone\.\n$/);
    assert.match(md, /- go: not found\n/);
  });
});
