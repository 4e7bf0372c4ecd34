import * as assert from 'node:assert/strict';
import type { HealthModule, HealthProbe } from '../../../src/protocol';
import { shorten, stateOf, statusView } from '../../../src/extension/statusModel';
import { chinese, english, snapshot } from './fakes';

function mod(module: string, status: HealthModule['status']): HealthModule {
  return { uri: 'file:///w/go.mod', line: 3, module, version: 'v1.0.0', direct: true, route: 'https://proxy.golang.org', private: false, status };
}

function probe(target: string, ok: boolean, over: Partial<HealthProbe> = {}): HealthProbe {
  return { target, kind: 'proxy', configured: true, ok, stage: ok ? 'done' : 'tcp', ms: ok ? 120 : 5000, stages: [], ...over };
}

describe('extension: status bar text from a health snapshot', () => {
  it('healthy: a check mark and "Go modules", no spinner', () => {
    const v = statusView(snapshot(), true, english);
    assert.equal(v.state, 'healthy');
    assert.equal(v.text, '$(check) Go modules');
    assert.equal(v.busy, false);
    assert.equal(v.severity, 'info');
    assert.equal(v.languageText, 'Healthy');
    assert.equal(v.languageDetail, 'go1.26.0 · GOPROXY=https://proxy.golang.org,direct');
  });

  it('degraded: a warning with the server\'s reason (which names the host)', () => {
    const s = snapshot({ overall: { state: 'degraded', reason: 'proxy.golang.org slow (2400 ms)', host: 'proxy.golang.org' } });
    const v = statusView(s, true, english);
    assert.equal(v.text, '$(warning) proxy.golang.org slow (2400 ms)');
    assert.equal(v.severity, 'warning');
    assert.equal(v.languageText, 'Degraded: proxy.golang.org slow (2400 ms)');
  });

  it('degraded without a reason still names the host', () => {
    const v = statusView(snapshot({ overall: { state: 'degraded', host: 'goproxy.cn' } }), true, english);
    assert.equal(v.text, '$(warning) goproxy.cn degraded');
  });

  it('failing: an error icon and why, shortened for the status bar but whole in the tooltip', () => {
    const reason = 'proxy.golang.org unreachable: the connection timed out after 5000 ms while 12 modules waited';
    const v = statusView(snapshot({ overall: { state: 'failing', reason, host: 'proxy.golang.org' } }), true, english);
    assert.equal(v.text, '$(error) proxy.golang.org unreachable');
    const long = 'a module can not be fetched because the proxy answered with something odd';
    const w = statusView(snapshot({ overall: { state: 'failing', reason: long } }), true, english);
    assert.ok(w.text.endsWith('…') && w.text.length <= '$(error) '.length + 48, w.text);
    // Too long, no headline, but a host: the host is what the status bar names.
    const x = statusView(snapshot({ overall: { state: 'degraded', reason: 'The GOPROXY entry http://127.0.0.1:33035 does not serve golang.org/x/mod', host: '127.0.0.1:33035' } }), true, english);
    assert.equal(x.text, '$(warning) 127.0.0.1:33035 degraded');
    assert.ok(x.tooltip.some((l) => l.text.includes('does not serve golang.org/x/mod')), 'the tooltip keeps the whole reason');
    assert.equal(v.severity, 'error');
    assert.ok(v.tooltip.some((l) => l.text === reason), 'the tooltip keeps the whole reason');
  });

  it('checking: a spinner while a round runs, with module progress, whatever the last state was', () => {
    const s = snapshot({ overall: { state: 'failing', reason: 'x' }, running: { modules: true, probes: false, cache: false, done: 3, total: 10 } });
    const v = statusView(s, true, english);
    assert.equal(v.state, 'checking');
    assert.equal(v.text, '$(sync~spin) Checking Go modules… 3/10');
    assert.equal(v.busy, true);
    assert.ok(v.tooltip.some((l) => l.text === 'Checked 3 of 10 modules.'));
    // Only the cache being inspected is not "checking modules".
    assert.equal(stateOf(snapshot({ running: { modules: false, probes: false, cache: true } }), true), 'healthy');
    assert.equal(stateOf(snapshot({ overall: { state: 'checking' } }), true), 'checking');
  });

  it('before the first snapshot: checking, waiting for the server', () => {
    const v = statusView(undefined, true, english);
    assert.equal(v.state, 'starting');
    assert.equal(v.text, '$(sync~spin) Checking Go modules…');
    assert.ok(v.busy);
  });

  it('untrusted: a shield and "Restricted", whatever the snapshot says', () => {
    for (const [s, trusted] of [
      [snapshot(), false],
      [snapshot({ trusted: false }), true],
      [snapshot({ overall: { state: 'untrusted' } }), true],
      [undefined, false],
    ] as const) {
      const v = statusView(s, trusted, english);
      assert.equal(v.text, '$(shield) Restricted');
      assert.equal(v.state, 'untrusted');
      assert.equal(v.busy, false);
      assert.ok(v.tooltip.some((l) => l.text.includes('trust this workspace')));
    }
  });

  it('idle: no module file open', () => {
    const v = statusView(snapshot({ overall: { state: 'idle' } }), true, english);
    assert.equal(v.text, '$(circle-outline) Go modules');
    assert.equal(v.languageText, 'No go.mod or go.work open');
  });

  it('the tooltip: go, the variables in force with their layer, module counts, configured probes', () => {
    const s = snapshot({
      overall: { state: 'degraded', reason: 'r' },
      modules: [mod('a.example/x', 'ok'), mod('b.example/y', 'ok'), mod('c.example/z', 'warning'), mod('d.example/w', 'error')],
      probes: [
        probe('https://proxy.golang.org', true),
        probe('https://goproxy.cn', true, { configured: false }),
        probe('https://stalled.example', false, { finding: { code: 'proxy.timeout', severity: 'error', message: 'no answer within 5000 ms' } }),
      ],
    });
    const lines = statusView(s, true, english).tooltip;
    const byLabel = new Map(lines.filter((l) => l.label).map((l) => [l.label, l.text]));
    assert.equal(byLabel.get('Go Mod Doctor'), 'Degraded');
    assert.equal(byLabel.get('go'), 'go1.26.0 (/usr/local/go/bin/go)');
    assert.equal(byLabel.get('GOPROXY'), 'https://proxy.golang.org,direct (from default)');
    assert.equal(byLabel.has('GOPRIVATE'), false, 'an empty GOPRIVATE is left out');
    assert.equal(byLabel.get('Modules'), '2 ok, 1 with warnings, 1 failing');
    assert.equal(byLabel.get('https://proxy.golang.org'), '120 ms');
    assert.equal(byLabel.get('https://stalled.example'), 'no answer within 5000 ms');
    assert.equal(byLabel.has('https://goproxy.cn'), false, 'mirrors measured for comparison are the panel\'s business');
    assert.equal(lines[lines.length - 1].text, 'Click to open the health panel.');
  });

  it('speaks Chinese with the shipped zh-cn bundle', () => {
    const zh = chinese();
    assert.equal(statusView(snapshot(), true, zh).text, '$(check) Go 模块');
    assert.equal(statusView(undefined, false, zh).text, '$(shield) 受限');
    assert.equal(statusView(undefined, true, zh).text, '$(sync~spin) 正在检查 Go 模块…');
    const v = statusView(snapshot({ modules: [mod('a.example/x', 'ok')] }), true, zh);
    assert.ok(v.tooltip.some((l) => l.text === '1 个正常'), JSON.stringify(v.tooltip));
  });

  it('shorten keeps short text, keeps the headline of a long "headline: details", cuts the rest', () => {
    assert.equal(shorten('a  b\nc'), 'a b c');
    assert.equal(shorten('x'.repeat(60), 10), `${'x'.repeat(9)}…`);
    assert.equal(shorten('127.0.0.1:40123 unreachable: 1 module(s) cannot be fetched', 40), '127.0.0.1:40123 unreachable');
    assert.equal(shorten('127.0.0.1:40123 无法访问：1 个模块无法获取', 20), '127.0.0.1:40123 无法访问');
    assert.equal(shorten(`${'h'.repeat(30)}: details`, 20), `${'h'.repeat(19)}…`);
  });
});
