// The install paths of docs/ci.md: the package as `npm pack` makes it, run through npx and through a global
// install into a temporary prefix (both offline: the package has no dependencies), and the single-file bundle
// copied alone next to nothing else.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, repoRoot } from '../../support/cli';
import { removeTree, sealedCliEnv, tempRoot } from './support';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('install paths: npm pack → npx / global install, and the single-file bundle', function () {
  this.timeout(120_000);
  let root: string;
  let fixture: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

  before(async () => {
    root = tempRoot('install');
    fixture = join(root, 'app');
    mkdirSync(fixture);
    writeFileSync(join(fixture, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire example.com/foo master\n');
    // npm with a private cache, offline, quiet; go sealed as everywhere else.
    env = {
      ...process.env,
      ...sealedCliEnv(root),
      npm_config_cache: join(root, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_loglevel: 'error',
    };
    const pack = await run('npm', ['pack', '--json', '--pack-destination', root], { cwd: repoRoot, env });
    assert.equal(pack.code, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(root, info.filename);
    const files = info.files.map((f) => f.path);
    for (const f of ['package.json', 'dist/cli.js', 'docs/findings.md']) assert.ok(files.includes(f), `the package has ${f}`);
  });
  after(() => removeTree(root));

  const checkWorks = async (file: string, args: string[]) => {
    const v = await run(file, [...args, '--version'], { cwd: root, env });
    assert.equal(v.code, 0, v.stderr);
    assert.equal(v.stdout, `gomod-doctor ${version}\n`);
    const c = await run(file, [...args, 'check', '--offline', '--format', 'sarif'], { cwd: fixture, env });
    assert.equal(c.code, 1, c.stderr);
    return JSON.parse(c.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help?: { markdown: string } }> } } }> };
  };

  it('npx runs the packed package, and so does its bin after a global install into a temp prefix', async () => {
    const prefix = join(root, 'prefix');
    const [npx, global] = await Promise.all([
      run('npx', ['--yes', '--package', tarball, '--', 'gomod-doctor', '--version'], { cwd: root, env }),
      run('npm', ['install', '--global', '--prefix', prefix, tarball], { cwd: root, env }),
    ]);
    assert.equal(npx.code, 0, npx.stderr);
    assert.equal(npx.stdout, `gomod-doctor ${version}\n`);
    assert.equal(global.code, 0, global.stderr);
    const sarif = await checkWorks(join(prefix, 'bin', 'gomod-doctor'), []);
    // The installed package carries docs/findings.md next to dist/: the rules explain themselves.
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'gomod.version-invalid');
    assert.match(rule?.help?.markdown ?? '', /\*\*Fix:\*\*/);
  });

  it('the bundle is one file: copied alone, it runs with node from any directory', async () => {
    const lone = join(root, 'lone');
    mkdirSync(lone);
    copyFileSync(cliPath, join(lone, 'gomod-doctor.js'));
    const sarif = await checkWorks(process.execPath, [join(lone, 'gomod-doctor.js')]);
    // Without docs/findings.md beside it the rules still have ids and descriptions.
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'gomod.version-invalid');
    assert.deepEqual(rule && (rule as unknown as { shortDescription: unknown }).shortDescription, { text: 'gomod.version-invalid' });
  });
});
