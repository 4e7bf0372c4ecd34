// The CI examples of docs/ci.md, run as written against a fixture and loopback proxies: the GitHub Actions check
// step (SARIF for upload-sarif) and the Dockerfile's gate before `go mod download`. The only substitution is the
// way the CLI is started (the bundle under test instead of npx or the image's path), plus `--mirrors none` where
// the docs leave the public mirrors on, since tests never leave loopback.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { cliPath } from '../../support/cli';
import { GoproxyServer } from '../../support/goproxy-server';
import { moduleFixture } from '../../support/modules';
import { docsBlock, removeTree, sealedCliEnv, tempRoot } from './support';

interface Step {
  argv: string[];
  stdoutTo?: string;
}

/** A doc command line as argv steps: words split on blanks, `&&` chains, one `> file` redirection. */
function parseCommandLine(line: string): Step[] {
  return line.split(/\s+&&\s+/).map((part) => {
    const [command, target] = part.split(/\s+>\s+/);
    return { argv: command.trim().split(/\s+/), ...(target ? { stdoutTo: target.trim() } : {}) };
  });
}

/** The CLI as the docs start it → the bundle under test. */
function localCli(argv: string[]): string[] {
  const s = argv.join(' ');
  const m = /^(npx --yes gomod-doctor|gomod-doctor|node \/opt\/gomod-doctor\/dist\/cli\.js)(?= |$)/.exec(s);
  if (!m) return argv;
  return [process.execPath, cliPath, ...argv.slice(m[1].split(' ').length)];
}

function runStep(step: Step, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const [file, ...args] = step.argv;
    const fd = step.stdoutTo ? openSync(join(cwd, step.stdoutTo), 'w') : undefined;
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs a chain like a shell would: stops at the first step that fails. */
async function runChain(steps: Step[], cwd: string, env: NodeJS.ProcessEnv) {
  const out = [];
  for (const s of steps) {
    const r = await runStep({ ...s, argv: localCli(s.argv) }, cwd, env);
    out.push(r);
    if (r.code !== 0) break;
  }
  return out;
}

describe('docs/ci.md: the GitHub Actions step and the Dockerfile gate, as written', function () {
  this.timeout(60_000);
  let root: string;
  let proxy: GoproxyServer;
  let closed: Server;
  let refusedUrl: string;

  before(async () => {
    root = tempRoot('docs-ci');
    proxy = await new GoproxyServer({ modules: [moduleFixture('example.com/lib', 'v0.1.0'), moduleFixture('golang.org/x/mod', 'v0.20.0')] }).start();
    // A port that refuses connections: listen, note the port, close.
    closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    refusedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
  });
  after(async () => {
    await proxy.stop();
    removeTree(root);
  });

  function repo(name: string, gomod: string, gosum = ''): string {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'go.mod'), gomod);
    writeFileSync(join(dir, 'go.sum'), gosum);
    return dir;
  }

  it('GitHub Actions: the check step writes SARIF with located results and fails on an error; the workflow uploads first', async () => {
    const yaml = docsBlock('ci.md', 'ci:github-actions');
    // The workflow's shape that the docs promise: upload even when the check failed, then fail the job.
    assert.match(yaml, /security-events: write/);
    const checkStep = /- name: Check the Go module setup\n\s+id: gomod\n\s+continue-on-error: true\n\s+run: (.+)\n/.exec(yaml);
    assert.ok(checkStep, 'the check step keeps going so the upload runs');
    assert.match(yaml, /if: always\(\)\n\s+uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: gomod\.sarif/);
    assert.match(yaml, /if: steps\.gomod\.outcome == 'failure'\n\s+run: exit 1/);

    const steps = parseCommandLine(checkStep[1]);
    assert.deepEqual(steps.map((s) => s.stdoutTo), ['gomod.sarif']);
    steps[0].argv.push('--mirrors', 'none');
    const env = { ...process.env, ...sealedCliEnv(join(root, 'gha-env'), { GOPROXY: proxy.url }) };

    const good = repo('gha-good', 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n', proxy.modules[0].gosum);
    const [ok] = await runChain(steps, good, env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(good, 'gomod.sarif'), 'utf8')).runs[0].results.filter((r: { level: string }) => r.level === 'error'), []);

    const bad = repo('gha-bad', 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/lib v0.1.0\n\texample.com/gone v1.0.0\n)\n', proxy.modules[0].gosum);
    const [failed] = await runChain(steps, bad, env);
    assert.equal(failed.code, 1, 'the step fails, so the last step fails the job');
    const sarif = JSON.parse(readFileSync(join(bad, 'gomod.sarif'), 'utf8'));
    const gone = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'module.not-found');
    assert.ok(gone, JSON.stringify(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)));
    assert.deepEqual(gone.locations[0].physicalLocation, { artifactLocation: { uri: 'go.mod', uriBaseId: 'SRCROOT' }, region: { startLine: 7, startColumn: 2, endLine: 7, endColumn: 18 } });
  });

  it('Dockerfile: the gate passes and go mod download fills the cache; with a dead proxy it stops in seconds before the download', async () => {
    const dockerfile = docsBlock('ci.md', 'ci:dockerfile');
    const lines = dockerfile.split('\n');
    // Build args become the environment of RUN, with their defaults unless the build passes others.
    const args: Record<string, string> = {};
    for (const l of lines) {
      const m = /^ARG (\w+)=(.*)$/.exec(l);
      if (m) args[m[1]] = m[2];
    }
    assert.deepEqual(Object.keys(args), ['GOPROXY', 'GOPRIVATE']);
    const copyAt = lines.findIndex((l) => l.startsWith('COPY go.mod go.sum'));
    const gate = lines.slice(copyAt + 1).find((l) => l.startsWith('RUN '))!;
    assert.match(gate, /check .*--timeout-ms \d+.* && go mod download$/, 'the check runs right before the download, bounded');
    const steps = parseCommandLine(gate.slice('RUN '.length));
    assert.deepEqual(steps.map((s) => s.argv[0]), ['node', 'go']);

    const image = (dir: string, goproxy: string) => ({ ...process.env, ...sealedCliEnv(dir, { ...args, GOPROXY: goproxy, GOSUMDB: 'off' }) });
    const good = repo('docker-good', 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n', proxy.modules[0].gosum);
    const goodEnv = image(join(root, 'docker-good-env'), proxy.url);
    const okRuns = await runChain(steps, good, goodEnv);
    assert.deepEqual(okRuns.map((r) => r.code), [0, 0], okRuns.map((r) => r.stdout + r.stderr).join('\n'));
    assert.ok(existsSync(join(goodEnv.GOMODCACHE!, 'cache', 'download', 'example.com', 'lib', '@v', 'v0.1.0.zip')), 'go mod download ran');

    const dead = repo('docker-dead', 'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.1.0\n', proxy.modules[0].gosum);
    const deadEnv = image(join(root, 'docker-dead-env'), refusedUrl);
    const deadRuns = await runChain(steps, dead, deadEnv);
    assert.equal(deadRuns.length, 1, 'go mod download never started');
    assert.equal(deadRuns[0].code, 1);
    assert.match(deadRuns[0].stdout, /error proxy\.[a-z-]+: /);
    assert.match(deadRuns[0].stdout, /error module\.unreachable: example\.com\/lib@v0\.1\.0/);
    assert.ok(deadRuns[0].ms < 15_000, `stopped after ${deadRuns[0].ms} ms`);
  });
});
