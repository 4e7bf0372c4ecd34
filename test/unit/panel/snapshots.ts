// Health snapshots built by hand for the panel's tests (the shape the server sends; see src/protocol).
import type { HealthModule, HealthSnapshot } from '../../../src/protocol';

export function moduleRow(over: Partial<HealthModule> & Pick<HealthModule, 'module'>): HealthModule {
  return {
    uri: 'file:///w/app/go.mod',
    line: 4,
    version: 'v1.0.0',
    direct: true,
    route: 'https://proxy.golang.org',
    private: false,
    status: 'ok',
    ...over,
  };
}

/** A failing workspace: one module only on a stalled proxy, one fine, one private; a loopback mirror to switch to.
 *  Values carry markup and script so the renderers' escaping is tested by every use. */
export function sampleSnapshot(over: Partial<HealthSnapshot> = {}): HealthSnapshot {
  return {
    seq: 7,
    trusted: true,
    overall: { state: 'failing', reason: '127.0.0.1:9 does not answer', host: '127.0.0.1:9' },
    running: { modules: false, probes: false, cache: false },
    go: { path: '/usr/local/go/bin/go', version: 'go1.26.0' },
    envFile: '/home/u/.config/go/env',
    env: [
      { name: 'GOPROXY', value: 'http://127.0.0.1:9', layer: 'envfile', shadowed: [{ layer: 'default', value: 'https://proxy.golang.org,direct' }], findings: [] },
      {
        name: 'GONOSUMDB',
        value: 'example.com/<img src=x onerror="window.__pwned=1">',
        layer: 'process',
        shadowed: [],
        findings: [{ code: 'env.pattern-odd', severity: 'warning', message: 'pattern <script>window.__pwned=2</script> looks odd' }],
      },
      { name: 'GOPRIVATE', value: '', layer: 'default', shadowed: [], findings: [] },
    ],
    modules: [
      moduleRow({
        module: 'example.com/healthy',
        version: 'v1.0.0',
        route: 'http://127.0.0.1:9',
        status: 'error',
        line: 2,
        finding: { code: 'module.unreachable', severity: 'error', message: 'example.com/healthy@v1.0.0: http://127.0.0.1:9 does not answer' },
      }),
      moduleRow({ module: 'golang.org/x/mod', version: 'v0.17.0', direct: false, status: 'ok', latencyMs: 120, line: 5, source: 'https://proxy.golang.org' }),
      moduleRow({ module: 'corp.example/<b>secret</b>', version: 'v2.0.0+incompatible', route: 'direct', private: true, status: 'skipped', line: 3 }),
    ],
    probes: [
      {
        target: 'http://127.0.0.1:9',
        kind: 'proxy',
        configured: true,
        ok: false,
        stage: 'http',
        ms: 5000,
        stages: [
          { stage: 'tcp', ms: 1 },
          { stage: 'http', ms: 4999 },
        ],
        finding: { code: 'proxy.timeout', severity: 'error', message: 'http://127.0.0.1:9 did not answer within 5 s' },
      },
      {
        target: 'http://127.0.0.1:8',
        kind: 'proxy',
        configured: false,
        ok: true,
        stage: 'done',
        ms: 40,
        status: 200,
        stages: [
          { stage: 'tcp', ms: 2 },
          { stage: 'http', ms: 30 },
          { stage: 'protocol', ms: 8 },
          { stage: 'done', ms: 0 },
        ],
      },
    ],
    mirrors: [
      { url: 'http://127.0.0.1:8', healthy: true, ms: 40, configured: false, fixId: 'env:set:GOPROXY=http://127.0.0.1:8,direct' },
      { url: 'http://127.0.0.1:9', healthy: false, ms: 5000, configured: true, fixId: 'env:set:GOPROXY=http://127.0.0.1:9' },
    ],
    cache: [
      { kind: 'modcache', variable: 'GOMODCACHE', path: '/home/u/go/pkg/mod', exists: true, writable: true, freeBytes: 50 * 1024 ** 3, sizeBytes: 1536 * 1024 ** 2, sizeComplete: true },
      { kind: 'gocache', variable: 'GOCACHE', path: '/home/u/.cache/go-build', exists: true, writable: false, freeBytes: null, sizeBytes: 2048, sizeComplete: false },
    ],
    findings: [
      {
        code: 'proxy.timeout',
        severity: 'error',
        message: 'GOPROXY http://127.0.0.1:9 did not answer',
        fixes: [
          { id: 'env:set:GOPROXY=http://127.0.0.1:8,direct', title: 'Switch GOPROXY to http://127.0.0.1:8' },
          { id: 'go:mod tidy', title: 'Run go mod tidy' },
        ],
      },
    ],
    updatedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    ...over,
  };
}
