// A go env file that cannot be read (a directory, a symlink loop, a path below a file, no permission, a named
// pipe), one with junk lines, one on a read-only mount — through the real CLI (`env`, `check`, `fix`, `undo`) and
// side by side with the real go given the same GOENV: the values agree, each case has its finding, writes are
// refused saying why, the journal stays as it was, and nothing crashes or hangs.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/finding';
import { cliPath } from '../../support/cli';
import { quietHome } from '../goenv/support';
import { removeTree, tempRoot } from '../modules/support';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a program (optionally as nobody, through setpriv) with exactly this environment; killed at the timeout. */
function run(cmd: string, args: string[], env: Record<string, string>, opts: { cwd?: string; asNobody?: boolean; timeoutMs?: number } = {}): Promise<Run> {
  const [file, argv] = opts.asNobody ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr, timedOut })));
  });
}

/** An environment for go and the CLI with nothing from this machine: the go env file is GOENV, nothing shadows it. */
function envFor(dir: string, goenv: string): Record<string, string> {
  const home = quietHome(join(dir, 'home'));
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(dir, 'state'),
    GOENV: goenv,
    GOPATH: join(dir, 'gopath'),
    GOMODCACHE: join(dir, 'gopath', 'pkg', 'mod'),
    GOCACHE: join(dir, 'gocache'),
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    LANG: 'C.UTF-8',
  };
}

const journalOf = (env: Record<string, string>) => join(env.XDG_STATE_HOME, 'gomod-doctor', 'env-journal.json');
const NAMES = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS'];

interface EnvJson {
  vars: Array<{ name: string; value: string; layer: string }>;
  findings: Finding[];
}

/** The path's type and mode, or its lstat error code: what "unchanged" means for paths that cannot be read. */
function modeOf(p: string): string {
  try {
    return String(lstatSync(p).mode);
  } catch (err) {
    return String((err as NodeJS.ErrnoException).code);
  }
}

function noStackTrace(what: string, r: Run): void {
  assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr), `${what} printed a stack trace:\n${r.stderr}`);
}

describe('reliability: the go env file, side by side with go', function () {
  this.timeout(120_000);
  let root: string;
  const faults: Record<string, number> = {};
  const count = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);

  before(() => {
    root = tempRoot('envfile-faults');
    chmodSync(root, 0o755); // nobody must reach the per-case directories
  });
  after(() => {
    removeTree(root);
    console.log(`      env-file faults injected: ${Object.entries(faults).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  /** A case directory with an app module; owned by nobody when that user runs in it. */
  function caseDir(name: string, asNobody = false): { dir: string; app: string } {
    const dir = join(root, name.replace(/\W+/g, '-'));
    const app = join(dir, 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'go.mod'), 'module example.com/app\n\ngo 1.21\n');
    if (asNobody) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    return { dir, app };
  }

  const UNREADABLE: Array<{ name: string; make: (dir: string) => string; ours: RegExp; go: RegExp; asNobody?: boolean }> = [
    { name: 'a directory', make: (d) => (mkdirSync(join(d, 'env')), join(d, 'env')), ours: /EISDIR/, go: /is a directory/ },
    {
      name: 'a symlink loop',
      make: (d) => (symlinkSync(join(d, 'loop-b'), join(d, 'loop-a')), symlinkSync(join(d, 'loop-a'), join(d, 'loop-b')), join(d, 'loop-a')),
      ours: /ELOOP/,
      go: /too many levels of symbolic links/,
    },
    { name: 'a path below a regular file', make: (d) => (writeFileSync(join(d, 'plain'), 'x'), join(d, 'plain', 'env')), ours: /ENOTDIR/, go: /not a directory/ },
    {
      name: 'a file this user may not read',
      make: (d) => {
        const f = join(d, 'locked-env');
        writeFileSync(f, 'GOPROXY=https://from-envfile.example\n');
        chownSync(f, 0, 0);
        chmodSync(f, 0o000);
        return f;
      },
      ours: /EACCES/,
      go: /permission denied/,
      asNobody: true,
    },
  ];

  for (const k of UNREADABLE) {
    it(`${k.name}: go ignores it and cannot write it; env and check say so, fix refuses, the journal is untouched`, async function () {
      if (k.asNobody && !isRoot) {
        // As an ordinary user, chmod 000 on our own file is enough; as root we need another user to be refused.
        k.asNobody = false;
      }
      const { dir, app } = caseDir(k.name, k.asNobody);
      const goenv = k.make(dir);
      const env = envFor(dir, goenv);
      if (k.asNobody) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, join(dir, 'home')]);
      const as = { asNobody: k.asNobody, cwd: app };
      count(`unreadable (${k.name})`);

      const goValues = JSON.parse((await run('go', ['env', '-json', ...NAMES], env, as)).stdout) as Record<string, string>;
      const goWrite = await run('go', ['env', '-w', 'GOPROXY=direct'], env, as);
      assert.notEqual(goWrite.code, 0, 'go env -w fails');
      assert.match(goWrite.stderr, /reading go env config/);
      assert.match(goWrite.stderr, k.go);

      const shown = await run(process.execPath, [cliPath, 'env', '--json'], env, as);
      noStackTrace('env', shown);
      assert.ok(shown.code === 0 || shown.code === 1, `env exit ${shown.code}: ${shown.stderr}`);
      const report = JSON.parse(shown.stdout) as EnvJson;
      for (const n of NAMES) assert.equal(report.vars.find((v) => v.name === n)?.value, goValues[n], `${n} as go sees it`);
      const finding = report.findings.find((f) => f.code === 'env.file-unreadable');
      assert.ok(finding, `env reports env.file-unreadable: ${JSON.stringify(report.findings)}`);
      assert.equal(finding.severity, 'warning');
      assert.match(String((finding.evidence as { error: string }).error), k.ours);
      assert.ok(finding.message.includes(goenv));

      const text = await run(process.execPath, [cliPath, 'env'], env, as);
      assert.match(text.stdout, /env\.file-unreadable/);
      const check = await run(process.execPath, [cliPath, 'check', '--offline', '--format', 'json', app], env, as);
      noStackTrace('check', check);
      assert.ok(JSON.parse(check.stdout).findings.some((f: Finding) => f.code === 'env.file-unreadable'), check.stdout);

      const before = modeOf(goenv);
      const fix = await run(process.execPath, [cliPath, 'fix', 'env:set:GOPROXY=direct', '--json'], env, as);
      noStackTrace('fix', fix);
      assert.equal(fix.code, 1);
      const result = JSON.parse(fix.stdout).results[0] as { status: string; reason: string };
      assert.equal(result.status, 'failed');
      assert.match(result.reason, /cannot read the go env file/);
      assert.match(result.reason, k.ours);
      assert.equal(existsSync(journalOf(env)), false, 'nothing journaled');
      assert.equal(modeOf(goenv), before, 'the path is as it was');
    });
  }

  it('a named pipe: go hangs on it; we report it at once, and the write is refused without reading it', async () => {
    const { dir, app } = caseDir('fifo');
    const goenv = join(dir, 'env-pipe');
    assert.equal(spawnSync('mkfifo', [goenv]).status, 0);
    const env = envFor(dir, goenv);
    count('unreadable (a named pipe)');

    const go = await run('go', ['env', 'GOPROXY'], env, { cwd: app, timeoutMs: 1_500 });
    assert.equal(go.timedOut, true, 'go waits on the pipe');

    // The engine in a child process: a regression would block on the pipe, and that must not hang this runner.
    const core = join(__dirname, '..', '..', '..', 'src', 'core', 'goenv');
    const script = `
      const { loadEffectiveEnv } = require(${JSON.stringify(join(core, 'load'))});
      const { lintEnv } = require(${JSON.stringify(join(core, 'lint'))});
      const { applyEnvWrite } = require(${JSON.stringify(join(core, 'write'))});
      const { parseFixId } = require(${JSON.stringify(join(core, 'fixid'))});
      (async () => {
        const env = JSON.parse(process.env.CASE_ENV);
        const { env: resolved } = await loadEffectiveEnv({ env, cwd: process.cwd() });
        const finding = lintEnv(resolved).find((x) => x.code === 'env.file-unreadable');
        const write = await applyEnvWrite(parseFixId('env:set:GOPROXY=direct'), { goPath: 'go', env, cwd: process.cwd(), stateDir: process.env.STATE });
        console.log(JSON.stringify({ finding, write }));
      })();`;
    const t0 = Date.now();
    const api = await run(process.execPath, ['-e', script], { ...env, CASE_ENV: JSON.stringify(env), STATE: join(dir, 'state-api') }, { cwd: app, timeoutMs: 10_000 });
    assert.equal(api.timedOut, false, 'the engine did not block on the pipe');
    assert.ok(Date.now() - t0 < 5_000, `took ${Date.now() - t0} ms`);
    const { finding, write } = JSON.parse(api.stdout) as { finding?: Finding; write: { status: string; reason?: string } };
    assert.equal(finding?.severity, 'error');
    assert.equal(write.status, 'failed');
    assert.match(write.reason ?? '', /named pipe/);

    const fix = await run(process.execPath, [cliPath, 'fix', 'env:set:GOPROXY=direct', '--json'], env, { cwd: app, timeoutMs: 10_000 });
    assert.equal(fix.timedOut, false);
    assert.equal(JSON.parse(fix.stdout).results[0].status, 'failed');
    assert.equal(existsSync(journalOf(env)), false);
    assert.ok(lstatSync(goenv).isFIFO());
  });

  it('junk lines: the lines go skips are named, a CRLF value is flagged; a fix and its undo keep every line', async () => {
    const { dir, app } = caseDir('junk');
    const goenv = join(dir, 'env-junk');
    const junk = [
      'GOPROXY=http://127.0.0.1:9/a',
      '  GOPRIVATE=corp.example', // indented: skipped
      'goflags=-mod=mod', // lower case: skipped
      'GOSUMDB', // no "=": skipped
      '# a comment',
      '=x',
      'GONOSUMDB=corp.example\r', // CRLF: read, with the \r
      'GOINSECURE=a.example',
      '\tGONOPROXY=b.example', // tab: skipped
      '',
    ].join('\n');
    writeFileSync(goenv, junk);
    const env = envFor(dir, goenv);
    count('junk lines');

    const goValues = JSON.parse((await run('go', ['env', '-json', ...NAMES], env, { cwd: app })).stdout) as Record<string, string>;
    const report = JSON.parse((await run(process.execPath, [cliPath, 'env', '--json'], env, { cwd: app })).stdout) as EnvJson;
    for (const n of NAMES) assert.equal(report.vars.find((v) => v.name === n)?.value, goValues[n], `${n} as go sees it`);
    const ignored = report.findings.find((f) => f.code === 'env.envfile-ignored-lines')!;
    assert.deepEqual((ignored.evidence as { lines: number[] }).lines, [2, 3, 4, 6, 9]);
    assert.equal(ignored.severity, 'warning');
    // Each skipped assignment really is skipped by go: its value is not what the line says.
    for (const n of [2, 3, 9]) {
      const [name, value] = junk.split('\n')[n - 1].trim().split('=');
      assert.notEqual(goValues[name.toUpperCase()], value, `go skipped line ${n}`);
    }
    assert.equal(goValues.GONOSUMDB, 'corp.example\r', 'go keeps the carriage return');
    const crlf = report.findings.find((f) => f.code === 'env.envfile-crlf')!;
    assert.equal(crlf.variable, 'GONOSUMDB');
    // go env -w refuses a "\r" in a value, so a fix dropping it could never be undone: none is offered.
    assert.equal(crlf.fixes, undefined);
    assert.match((await run('go', ['env', '-w', 'GONOSUMDB=corp.example\r'], env, { cwd: app })).stderr, /invalid newline/);

    // What the indented line meant, written for real: every junk line (the CRLF one too) survives, undo restores.
    const fixed = await run(process.execPath, [cliPath, 'fix', 'env:set:GOPRIVATE=corp.example', '--json'], env, { cwd: app });
    assert.equal(JSON.parse(fixed.stdout).results[0].status, 'written', fixed.stdout + fixed.stderr);
    assert.equal((await run('go', ['env', 'GOPRIVATE'], env, { cwd: app })).stdout, 'corp.example\n');
    const after = readFileSync(goenv, 'utf8');
    for (const line of junk.split('\n')) assert.ok(after.includes(line), `kept: ${JSON.stringify(line)}`);
    const undo = await run(process.execPath, [cliPath, 'undo', '--json'], env, { cwd: app });
    assert.equal(undo.code, 0, undo.stdout + undo.stderr);
    // go env -w/-u sort each run of KEY=VALUE lines (cmd/go updateEnvFile; "  GOPRIVATE=…" counts as a key there),
    // so undo gives back every line and every value, not the original order of an unsorted file.
    const restored = readFileSync(goenv, 'utf8');
    assert.deepEqual(restored.split('\n').sort(), junk.split('\n').sort(), 'the same lines');
    assert.deepEqual(JSON.parse((await run('go', ['env', '-json', ...NAMES], env, { cwd: app })).stdout), goValues, 'go reads what it read before');
  });

  describe('on a read-only mount', () => {
    let mnt: string | undefined;
    after(() => {
      if (mnt) spawnSync('umount', ['-l', mnt]);
    });

    it('reads as go reads it, no finding; fix refuses with the reason go gives, nothing changes', async function () {
      if (!isRoot) this.skip(); // mounting needs root; chmod alone does not stop root, and as a user write.test.ts covers 0444
      const { dir, app } = caseDir('read-only');
      mnt = join(dir, 'ro');
      mkdirSync(mnt);
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]).status !== 0) {
        mnt = undefined;
        this.skip(); // no mount permission in this container
      }
      const goenv = join(mnt!, 'env');
      const text = 'GOPROXY=https://from-envfile.example\nGOFLAGS=-mod=mod\n';
      writeFileSync(goenv, text);
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', mnt!]).status, 0);
      const env = envFor(dir, goenv);
      count('read-only mount');

      const goValues = JSON.parse((await run('go', ['env', '-json', ...NAMES], env, { cwd: app })).stdout) as Record<string, string>;
      assert.equal(goValues.GOPROXY, 'https://from-envfile.example');
      const goWrite = await run('go', ['env', '-w', 'GOPROXY=direct'], env, { cwd: app });
      assert.match(goWrite.stderr, /read-only file system/);

      const report = JSON.parse((await run(process.execPath, [cliPath, 'env', '--json'], env, { cwd: app })).stdout) as EnvJson;
      for (const n of NAMES) assert.equal(report.vars.find((v) => v.name === n)?.value, goValues[n], n);
      assert.ok(!report.findings.some((f) => f.code === 'env.file-unreadable'));
      const check = await run(process.execPath, [cliPath, 'check', '--offline', '--format', 'json', app], env, { cwd: app });
      noStackTrace('check', check);
      assert.ok(check.code === 0 || check.code === 1, check.stderr);

      const fix = await run(process.execPath, [cliPath, 'fix', 'env:set:GOPROXY=direct', '--json'], env, { cwd: app });
      noStackTrace('fix', fix);
      const result = JSON.parse(fix.stdout).results[0] as { status: string; reason: string };
      assert.equal(result.status, 'failed');
      assert.match(result.reason, /read-only file system/);
      assert.equal(readFileSync(goenv, 'utf8'), text);
      assert.equal(existsSync(journalOf(env)), false);
    });
  });
});
