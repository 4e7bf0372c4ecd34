// The fault matrix: for every fault mode of the fault server, what our probe reports (code, stage, time, which
// must stay within the timeout + 10 %) next to what the real `go mod download` says for the same fault (killed
// after 20 s: "hung"). Our probes run first with a 1500 ms timeout; then all go runs at once (most just wait).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGo } from '../../../src/core/gocmd/run';
import { mapBounded, probeOneProxy, probeOneSumdb } from '../../../src/core/net';
import { makeTestCerts, opensslAvailable, type TestCerts } from '../../support/certs';
import { FAULT_MODES, FAULT_MODULE, FaultServer, type FaultMode } from '../../support/fault-server';
import { quietHome, removeTree, sealedGoEnv } from './helpers';

const TIMEOUT_MS = 1500;
const GO_KILL_MS = 20_000;

/** What our probe must report per mode: the finding code (undefined: healthy, no finding) and the stage. */
const EXPECT: Record<string, { code?: string; stage: string; ok?: boolean }> = {
  good: { stage: 'done', ok: true },
  'tls-good': { stage: 'done', ok: true },
  'sumdb-good': { stage: 'done', ok: true },
  'stall-accept': { code: 'proxy.timeout', stage: 'http' },
  'stall-headers': { code: 'proxy.timeout', stage: 'http' },
  'slow-drip': { code: 'proxy.timeout', stage: 'http' },
  reset: { code: 'proxy.reset', stage: 'http' },
  refused: { code: 'proxy.refused', stage: 'tcp' },
  dns: { code: 'proxy.dns', stage: 'dns' },
  'tls-self-signed': { code: 'proxy.tls-unknown-ca', stage: 'tls' },
  'tls-wrong-host': { code: 'proxy.tls-hostname', stage: 'tls' },
  'tls-expired': { code: 'proxy.tls-expired', stage: 'tls' },
  'http-401': { code: 'proxy.auth-required', stage: 'http' },
  'http-403': { code: 'proxy.http-4xx', stage: 'http' },
  'http-404': { code: 'proxy.not-found', stage: 'http' },
  'http-410': { code: 'proxy.not-found', stage: 'http' },
  'http-429': { code: 'proxy.http-4xx', stage: 'http' },
  'http-500': { code: 'proxy.http-5xx', stage: 'http' },
  'http-502': { code: 'proxy.http-5xx', stage: 'http' },
  'http-503': { code: 'proxy.http-5xx', stage: 'http' },
  'http-504': { code: 'proxy.http-5xx', stage: 'http' },
  'empty-200': { code: 'proxy.empty', stage: 'protocol' },
  'captive-html': { code: 'proxy.html', stage: 'protocol' },
  truncated: { code: 'proxy.truncated', stage: 'http' },
  oversized: { code: 'proxy.body-too-large', stage: 'http' }, // a warning: go reads it all and succeeds
  'redirect-loop': { code: 'proxy.redirect-loop', stage: 'http' },
  'redirect-other-host': { code: 'proxy.redirect-other-host', stage: 'done', ok: true },
  'insecure-redirect': { code: 'proxy.insecure-redirect', stage: 'http' },
  'bad-json': { code: 'proxy.bad-json', stage: 'protocol' },
  'wrong-version': { code: 'proxy.wrong-version', stage: 'protocol' },
  'sumdb-bad-signature': { code: 'sumdb.bad-signature', stage: 'protocol' },
  'sumdb-unknown-key': { code: 'sumdb.unknown-key', stage: 'protocol' },
};

interface Row {
  mode: FaultMode;
  ok: boolean;
  code: string;
  severity: string;
  stage: string;
  ms: number;
  go?: { outcome: string; ms: number; hung: boolean; exit: number | null };
}

function unshareWorks(): boolean {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** The go command's error for the table: the JSON "Error" of `go mod download -json`, else its last stderr line. */
function goOutcome(stdout: string, stderr: string, server: FaultServer): string {
  let msg = '';
  const m = /"Error":\s*"((?:[^"\\]|\\.)*)"/.exec(stdout);
  if (m) msg = (JSON.parse(`"${m[1]}"`) as string).split('\nnote:')[0];
  else if (/"Version":\s*"v/.test(stdout) && !/Error/.test(stdout)) return 'ok';
  else msg = stderr.trim().split('\n').filter(Boolean).pop() ?? '';
  const ports = [server.httpPort, server.stallPort, server.refusedPort, ...Object.values(server.tlsPorts)];
  for (const p of ports) msg = msg.split(`127.0.0.1:${p}`).join('HOST');
  return msg
    .replace(/HOST\/[a-z0-9-]+\/example\.com\/fault/g, 'HOST/…')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('fault matrix: probes next to the real go command', function () {
  this.timeout(150_000);
  let certs: TestCerts;
  let server: FaultServer;
  const rows: Row[] = [];
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);
  let goStarted = 0;
  let probeMs = 0;
  let goMs = 0;

  before(async function () {
    if (!opensslAvailable()) this.skip();
    process.on('unhandledRejection', onRejection);
    certs = makeTestCerts();
    server = await new FaultServer(certs).start();
    // No proxy variables, no .netrc: the probes and go see only the test's loopback targets.
    const env = { SSL_CERT_FILE: certs.caFile, HOME: certs.dir };

    const t0 = Date.now();
    const ours = await mapBounded(FAULT_MODES, 8, async (mode) => {
      if (mode.kind === 'proxy') {
        const { result, findings } = await probeOneProxy(server.proxyUrl(mode.name), { timeoutMs: TIMEOUT_MS, module: FAULT_MODULE, env });
        return { mode, ok: result.ok, stage: result.stage, ms: result.ms, code: findings[0]?.code ?? '', severity: findings[0]?.severity ?? '' };
      }
      const db = server.sumdb(mode.name);
      const { result, findings } = await probeOneSumdb(db.url, db.key, { timeoutMs: TIMEOUT_MS, env, record: { module: FAULT_MODULE, version: 'v1.1.0' } });
      return { mode, ok: result.ok, stage: result.stage, ms: result.ms, code: findings[0]?.code ?? '', severity: findings[0]?.severity ?? '' };
    });
    probeMs = Date.now() - t0;
    rows.push(...ours);

    const netns = unshareWorks();
    goStarted = Date.now();
    const helper = join(__dirname, 'netns-go.js');
    await Promise.all(
      rows.map(async (row) => {
        const mode = row.mode.name;
        if (mode === 'dns' && !netns) return;
        const tmp = quietHome(mkdtempSync(join(tmpdir(), 'gmd-fm-')));
        const goEnv: Record<string, string> = { ...sealedGoEnv(tmp), SSL_CERT_FILE: certs.caFile };
        if (row.mode.kind === 'sumdb') {
          const db = server.sumdb(mode);
          goEnv.GOPROXY = server.proxyUrl('good');
          goEnv.GOSUMDB = `${db.key} ${db.url}`;
        } else {
          goEnv.GOPROXY = server.proxyUrl(mode);
          goEnv.GOSUMDB = 'off';
        }
        const args = ['mod', 'download', '-json', `${FAULT_MODULE}@latest`];
        const start = Date.now();
        try {
          const r =
            mode === 'dns'
              ? await runGo(['-n', '--', process.execPath, helper, 'go', ...args], { goPath: 'unshare', baseEnv: goEnv, cwd: tmp, timeoutMs: GO_KILL_MS })
              : await runGo(args, { baseEnv: goEnv, cwd: tmp, timeoutMs: GO_KILL_MS });
          row.go = {
            outcome: r.timedOut ? 'hung' : goOutcome(r.stdout, r.stderr, server),
            ms: Date.now() - start,
            hung: r.timedOut,
            exit: r.code,
          };
        } finally {
          removeTree(tmp);
        }
      }),
    );
    goMs = Date.now() - goStarted;
  });

  after(async function () {
    process.off('unhandledRejection', onRejection);
    if (rows.length) {
      const lines = [
        `| mode | our finding | stage | our ms (timeout ${TIMEOUT_MS}) | go mod download |`,
        '|---|---|---|---|---|',
        ...rows.map((r) => {
          const go = !r.go ? 'not run (no network namespace)' : r.go.hung ? `hung (killed after ${GO_KILL_MS / 1000} s)` : `${r.go.outcome} (${(r.go.ms / 1000).toFixed(1)} s)`;
          const ours = r.code ? `${r.code} (${r.severity})` : r.ok ? 'ok' : '?';
          return `| ${r.mode.name} | ${ours} | ${r.stage} | ${r.ms} | ${go.replace(/\|/g, '\\|')} |`;
        }),
        '',
        `${rows.length} modes; our probes ${probeMs} ms in all (8 at a time), go runs ${goMs} ms (all at once).`,
      ];
      console.log('\n' + lines.join('\n') + '\n');
    }
    await server?.stop();
    certs?.cleanup();
  });

  it('covers at least 25 fault modes, each with an expectation', () => {
    const faults = FAULT_MODES.filter((m) => !m.name.endsWith('good'));
    assert.ok(faults.length >= 25, `${faults.length} fault modes`);
    for (const m of FAULT_MODES) assert.ok(EXPECT[m.name], `no expectation for ${m.name}`);
  });

  for (const mode of FAULT_MODES) {
    it(`${mode.name}: ${mode.what}`, () => {
      const row = rows.find((r) => r.mode.name === mode.name);
      assert.ok(row, 'probed');
      const want = EXPECT[mode.name];
      assert.equal(row.code, want.code ?? '', `code for ${mode.name}`);
      assert.equal(row.stage, want.stage, `stage for ${mode.name}`);
      assert.equal(row.ok, want.ok ?? false, `ok for ${mode.name}`);
      assert.ok(row.ms <= TIMEOUT_MS * 1.1, `${mode.name} took ${row.ms} ms, over ${TIMEOUT_MS} ms + 10 %`);
      if (row.go) {
        // The go command fails exactly where we report an error; warnings and healthy targets let it succeed.
        if (row.severity === 'error') assert.notEqual(row.go.outcome, 'ok', `go succeeded on ${mode.name}`);
        else assert.equal(row.go.outcome, 'ok', `go on ${mode.name}: ${row.go.outcome}`);
      }
    });
  }

  it('left no unhandled promise rejection', () => {
    assert.deepEqual(rejections, []);
  });
});
