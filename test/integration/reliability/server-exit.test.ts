// When the language server ends — an exit notification, its input closed, SIGTERM/SIGINT, the IPC channel dropped,
// the editor killed — every go process it started must be gone within two seconds. The go here is a real
// `go mod download` (the downloadSums command) stuck on a loopback proxy that accepts and never answers; the test
// finds it, and anything else left behind, by the test's temp dir in the process environment.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GoNotFoundError, liveGoChildren, runGo } from '../../../src/core/gocmd/run';
import { SERVER_COMMANDS } from '../../../src/protocol';
import { cliPath } from '../../support/cli';
import { removeTree, sealedGoEnv, tempRoot } from '../modules/support';
import { isRunning, processesWithMarker, ServerSession, waitUntil, type Transport } from './server-session';

interface EndCase {
  name: string;
  transport: Transport;
  end: (s: ServerSession) => void | Promise<void>;
  /**
   * The server process itself is gone within this time (the library's parent watchdog polls every 3 s). Undefined:
   * not expected — vscode-languageserver does not end on a closed IPC channel while the parent lives (reported).
   */
  serverGoneMs?: number;
}

const CASES: EndCase[] = [
  {
    name: 'shutdown + exit notification (stdio)',
    transport: 'stdio',
    end: async (s) => {
      await s.request('shutdown', null, 5_000);
      s.notify('exit', null);
    },
    serverGoneMs: 2_000,
  },
  { name: 'exit notification without shutdown (IPC)', transport: 'ipc', end: (s) => s.notify('exit', null), serverGoneMs: 2_000 },
  { name: 'the client closes stdin', transport: 'stdio', end: (s) => void s.child.stdin!.end(), serverGoneMs: 2_000 },
  { name: 'SIGTERM', transport: 'stdio', end: (s) => void process.kill(s.serverPid, 'SIGTERM'), serverGoneMs: 2_000 },
  { name: 'SIGINT', transport: 'stdio', end: (s) => void process.kill(s.serverPid, 'SIGINT'), serverGoneMs: 2_000 },
  { name: 'SIGTERM (IPC)', transport: 'ipc', end: (s) => void process.kill(s.serverPid, 'SIGTERM'), serverGoneMs: 2_000 },
  { name: 'the editor closes the IPC channel', transport: 'ipc', end: (s) => s.child.disconnect() },
  { name: 'the editor is killed (SIGKILL)', transport: 'ipc-relay', end: (s) => void s.child.kill('SIGKILL'), serverGoneMs: 5_000 },
];

describe('reliability: no go process outlives the language server', function () {
  this.timeout(60_000);
  let root: string;
  let stall: Server;
  let stallUrl: string;
  const sockets = new Set<Socket>();
  let connections = 0;
  let app: string;
  const figures: string[] = [];

  before(async () => {
    root = tempRoot('server-exit');
    // Accepts, reads nothing, answers nothing: go waits on it without a timeout of its own.
    stall = createServer((sock) => {
      connections++;
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => undefined);
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    stallUrl = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
    app = join(root, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire example.com/fault v1.0.0\n');
  });

  after(async () => {
    // Nothing of this test may be left, whatever happened above.
    for (const p of processesWithMarker(root)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => stall.close(() => r()));
    removeTree(root);
    if (figures.length) console.log(`      go gone after the server ended (ms):\n${figures.map((f) => `        ${f}`).join('\n')}`);
  });

  for (const c of CASES) {
    it(`${c.name}: the stalled go download is killed`, async () => {
      const marker = join(root, c.name.replace(/\W+/g, '-'));
      mkdirSync(marker);
      const env = sealedGoEnv(marker, { GOPROXY: stallUrl, GOSUMDB: 'off', GOFLAGS: '' });
      const s = new ServerSession(c.transport, env);
      try {
        const init = await s.request('initialize', { processId: process.pid, rootUri: pathToFileURL(app).href, capabilities: {}, initializationOptions: { stateDir: join(marker, 'state') } });
        assert.ok(init.result, `initialize failed: ${JSON.stringify(init.error)} ${s.stderr}`);
        s.notify('initialized', {});
        const before = connections;
        // Answered only when go ends; the answer does not matter here.
        s.request('workspace/executeCommand', { command: SERVER_COMMANDS.downloadSums, arguments: ['example.com/fault@v1.0.0', pathToFileURL(join(app, 'go.mod')).href] }, 60_000).catch(() => undefined);
        const isDownload = (p: { cmd: string }) => / mod download /.test(p.cmd);
        assert.ok(await waitUntil(() => processesWithMarker(marker).some(isDownload) && connections > before, 15_000), `go mod download did not start and reach the proxy; stderr: ${s.stderr}`);
        const goPids = processesWithMarker(marker).filter(isDownload).map((p) => p.pid);

        const ended = Date.now();
        await c.end(s);
        const others = () => processesWithMarker(marker).filter((p) => p.pid !== s.serverPid && p.pid !== s.child.pid);
        const clean = await waitUntil(() => others().length === 0 && goPids.every((pid) => !isRunning(pid)), 2_000);
        const goneMs = Date.now() - ended;
        assert.ok(clean, `still running 2 s after the server was told to end:\n${others().map((p) => `${p.pid} ${p.cmd}`).join('\n')}`);
        if (c.serverGoneMs === undefined) {
          const lingers = !(await waitUntil(() => !isRunning(s.serverPid), 1_000));
          figures.push(`${c.name}: ${goneMs}${lingers ? ' (the server process itself keeps running)' : ''}`);
        } else {
          figures.push(`${c.name}: ${goneMs}`);
          assert.ok(await waitUntil(() => !isRunning(s.serverPid), c.serverGoneMs), `the server (${s.serverPid}) is still running ${c.serverGoneMs} ms later`);
        }
      } finally {
        s.kill();
      }
    });
  }
});

/** A fake go that hangs: a shell that starts a long sleep and waits for it. Both carry the caller's environment. */
function hangingGo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, 'go');
  writeFileSync(p, '#!/bin/sh\nsleep 300 &\nwait\n');
  chmodSync(p, 0o755);
  return p;
}

describe('reliability: the CLI ends its go processes when it is interrupted', function () {
  this.timeout(30_000);
  let root: string;

  before(() => {
    root = tempRoot('cli-signals');
  });
  after(() => {
    for (const p of processesWithMarker(root)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    removeTree(root);
  });

  const cases: Array<{ name: string; args: (go: string) => string[]; signal: NodeJS.Signals; expect: { code: number | null; signal: NodeJS.Signals | null } }> = [
    // Nobody else handles the signal: the CLI dies by it, as it would without the hook.
    { name: 'check, Ctrl-C', args: (go) => ['check', '--offline', '--go', go], signal: 'SIGINT', expect: { code: null, signal: 'SIGINT' } },
    { name: 'check, SIGTERM', args: (go) => ['check', '--offline', '--go', go], signal: 'SIGTERM', expect: { code: null, signal: 'SIGTERM' } },
    // watch handles Ctrl-C itself: it still reports "cancelled" (exit 130).
    { name: 'watch, Ctrl-C', args: (go) => ['watch', '--', go, 'mod', 'download'], signal: 'SIGINT', expect: { code: 130, signal: null } },
  ];

  for (const c of cases) {
    it(`${c.name}: go and its children are gone, the CLI ends as before`, async () => {
      const marker = join(root, c.name.replace(/\W+/g, '-'));
      const go = hangingGo(join(marker, 'bin'));
      const env = { ...sealedGoEnv(marker, { GOPROXY: 'off', GOSUMDB: 'off' }), GOENV: join(marker, 'goenv') };
      const cli = spawn(process.execPath, [cliPath, ...c.args(go)], { env, cwd: marker, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      cli.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      cli.stdout.resume();
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => cli.once('exit', (code, signal) => r({ code, signal })));
      try {
        const isSleep = (p: { cmd: string }) => p.cmd === 'sleep 300';
        assert.ok(await waitUntil(() => processesWithMarker(marker).some(isSleep), 10_000), `the fake go did not start; stderr: ${stderr}`);
        const t0 = Date.now();
        cli.kill(c.signal);
        assert.ok(await waitUntil(() => processesWithMarker(marker).every((p) => p.pid === cli.pid), 2_000), `left running:\n${processesWithMarker(marker).map((p) => `${p.pid} ${p.cmd}`).join('\n')}`);
        const goneMs = Date.now() - t0;
        const end = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 5_000))]);
        assert.deepEqual(end, c.expect, `stderr: ${stderr}`);
        assert.ok(goneMs <= 2_000);
      } finally {
        if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
      }
    });
  }

  it('the process hooks exist only while a go child runs', async () => {
    const go = hangingGo(join(root, 'hooks'));
    const count = () => ['exit', 'disconnect', 'SIGTERM', 'SIGINT', 'SIGHUP'].map((e) => process.listenerCount(e));
    const baseline = count();
    assert.equal(liveGoChildren(), 0);
    const r = runGo(['version'], { goPath: go, timeoutMs: 300, env: { GMD_MARKER: root } });
    assert.equal(liveGoChildren(), 1);
    assert.deepEqual(count(), baseline.map((n) => n + 1), 'one listener each while go runs');
    assert.equal((await r).timedOut, true);
    assert.ok(await waitUntil(() => liveGoChildren() === 0, 2_000));
    assert.deepEqual(count(), baseline, 'all removed when it has ended');
    // A go that cannot start leaves nothing behind either.
    await assert.rejects(runGo(['version'], { goPath: join(root, 'nowhere', 'go') }), GoNotFoundError);
    assert.equal(liveGoChildren(), 0);
    assert.deepEqual(count(), baseline);
  });
});
