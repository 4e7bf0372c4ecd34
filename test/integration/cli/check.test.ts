import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { repoRoot, runCli } from '../../support/cli';

describe('gomod-doctor check and parse (bundled CLI)', () => {
  let dir: string;
  // check also inspects the caches: point them into the temp dir so this machine's caches do not count.
  const cacheEnv = () => ({ GOMODCACHE: join(dir, '.cache', 'mod'), GOCACHE: join(dir, '.cache', 'build') });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-cli-'));
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'go.mod'), 'module example.com/good\n\ngo 1.21\n\nrequire example.com/a v1.2.3\n');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'go.mod'), 'module example.com/bad\n\ngo 1.21\n\nrequire example.com/foo master\n');
    mkdirSync(join(dir, 'bad', 'vendor', 'x'), { recursive: true });
    writeFileSync(join(dir, 'bad', 'vendor', 'x', 'go.mod'), 'this is not looked at\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints JSON findings with exact ranges and exits 1 on an error', async () => {
    const r = await runCli(['check', dir, '--offline', '--format', 'json'], { env: cacheEnv() });
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as {
      version: string;
      go: { version: string | null };
      env: Array<{ name: string; value: string; layer: string }>;
      findings: Finding[];
      durationMs: number;
    };
    assert.match(report.version, /^\d+\.\d+\.\d+/);
    assert.match(report.go.version ?? '', /^go1\.\d+/);
    assert.equal(typeof report.durationMs, 'number');
    assert.deepEqual(
      report.env.find((v) => v.name === 'GOPROXY'),
      { name: 'GOPROXY', value: 'off', layer: 'process', shadowed: [{ layer: 'goroot', value: 'https://proxy.golang.org,direct' }] },
    );
    assert.ok(report.findings.some((f) => f.code === 'env.goproxy-off' && f.variable === 'GOPROXY'));
    assert.deepEqual(
      report.findings.filter((f) => !f.code.startsWith('env.')).map((f) => [f.code, f.file, f.range]),
      [['gomod.version-invalid', join(dir, 'bad', 'go.mod'), { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } }]],
    );
  });

  it('exits 0 on a healthy tree and prints a text summary', async () => {
    const r = await runCli(['check', join(dir, 'good'), '--offline'], { env: cacheEnv() });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /0 error\(s\), \d+ warning\(s\), \d+ other finding\(s\) in 1 file\(s\)/);
  });

  it('writes SARIF 2.1.0 with 1-based regions and a rule per code', async () => {
    const r = await runCli(['check', dir, '--offline', '--format', 'sarif'], { env: cacheEnv() });
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'gomod.version-invalid'));
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'gomod.version-invalid');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'bad/go.mod', uriBaseId: 'SRCROOT' },
      region: { startLine: 5, startColumn: 25, endLine: 5, endColumn: 31 },
    });
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'gomod.version-invalid');
  });

  it('writes a markdown report with a findings table', async () => {
    const r = await runCli(['check', dir, '--offline', '--format', 'markdown'], { env: cacheEnv() });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^# Go Mod Doctor report\n/);
    assert.match(r.stdout, /\| error \| `gomod.version-invalid` \| bad\/go.mod:5:25 \| "master" is not a semantic version/);
  });

  it('reports in Simplified Chinese with --lang zh-cn', async () => {
    const r = await runCli(['check', join(dir, 'bad'), '--offline', '--lang', 'zh-cn'], { env: cacheEnv() });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /"master" 不是语义化版本/);
    assert.match(r.stdout, /1 个文件中有 1 个错误/);
    assert.match(r.stdout, /GOPROXY/);
  });

  it('answers a usage mistake with exit 2 and no stack trace', async () => {
    for (const args of [['check', '--format', 'yaml'], ['frobnicate'], ['check', join(dir, 'nope')], ['parse']]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.match(r.stderr, /^gomod-doctor: /);
    }
  });

  it('parse prints exactly what go mod edit -json prints', async () => {
    const mod = join(dir, 'parse');
    mkdirSync(mod);
    copyFileSync(join(repoRoot, '..', 'shared', 'corpus', 'argoproj__argo-cd', 'go.mod'), join(mod, 'go.mod'));
    const want = execFileSync('go', ['mod', 'edit', '-json'], { cwd: mod, encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } });
    const r = await runCli(['parse', join(mod, 'go.mod'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, want);
  });

  it('parse rejects a file go rejects, naming the same line', async () => {
    const mod = join(dir, 'reject');
    mkdirSync(mod);
    writeFileSync(join(mod, 'go.mod'), 'module example.com/r\n\ngo 1.21\nrequire (\n\texample.com/a v1.0.0 extra\n)\n');
    let goErr = '';
    try {
      execFileSync('go', ['mod', 'edit', '-json'], { cwd: mod, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' } });
      assert.fail('go accepted the file');
    } catch (e) {
      goErr = String((e as { stderr: string }).stderr);
    }
    const r = await runCli(['parse', 'go.mod'], { cwd: mod });
    assert.equal(r.code, 1);
    const lineOf = (s: string) => /go\.mod:(\d+)/.exec(s)?.[1];
    assert.equal(lineOf(r.stderr), lineOf(goErr));
    assert.ok(goErr.includes(r.stderr.trim().split('\n')[0]), `ours: ${r.stderr} go: ${goErr}`);
  });
});
