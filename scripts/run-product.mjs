#!/usr/bin/env node
// `npm start`: build and package the extension, then open examples/workspace with it in a real VS Code.
//   - the desktop `code` CLI when it is on PATH: code --extensionDevelopmentPath=<repo> examples/workspace
//   - otherwise code-server (installed once by ensure-code-server.mjs) with the packaged .vsix installed; it prints
//     the URL to open and runs until Ctrl-C, then stops everything it started and removes its temp folder.
// Options: --code-server (skip the desktop CLI), --smoke (code-server: start, load the page once, stop; for CI).
// Env: PORT (code-server port, default: a free one).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, entryFile } from './ensure-code-server.mjs';

const root = join(import.meta.dirname, '..');
const workspace = join(root, 'examples', 'workspace');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const forceCodeServer = args.includes('--code-server') || smoke;

function step(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000 });
  if (r.status !== 0) {
    console.error(`start: ${[cmd, ...cmdArgs].join(' ')} failed (${r.error?.message ?? r.status ?? r.signal})`);
    process.exit(1);
  }
}

function onPath(cmd) {
  return (process.env.PATH || '').split(':').some((dir) => dir && existsSync(join(dir, cmd)));
}

if (!existsSync(join(root, 'node_modules', '@vscode', 'vsce'))) {
  console.log('start: installing npm dependencies (npm ci)');
  step('npm', ['ci', '--no-audit', '--no-fund']);
}
console.log('start: building and packaging the extension');
step(process.execPath, [join(root, 'scripts', 'package.mjs')]);
const vsix = join(root, 'dist', 'gomod-doctor.vsix');

if (!forceCodeServer && onPath('code')) {
  console.log(`start: opening ${workspace} in VS Code (desktop) with the extension from ${root}`);
  step('code', [`--extensionDevelopmentPath=${root}`, '--new-window', workspace]);
  process.exit(0);
}

const codeServerDir = await ensureCodeServer((m) => console.log(`start: ${m}`));
const entry = entryFile(codeServerDir);
const tmp = mkdtempSync(join(tmpdir(), 'gomod-doctor-start-'));
let server;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM'); // code-server and its extension hosts share its process group
    } catch {
      // already gone
    }
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));

const userData = join(tmp, 'data');
const extensions = join(tmp, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
mkdirSync(join(tmp, 'tmp'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false }, null, 2),
);
const config = join(tmp, 'config.yaml');
writeFileSync(config, 'auth: none\ncert: false\n');
const env = {
  ...process.env,
  VSCODE_IPC_HOOK_CLI: '',
  TMPDIR: join(tmp, 'tmp'), // VS Code's IPC sockets, removed with the rest at the end
  XDG_CONFIG_HOME: join(tmp, 'xdg', 'config'),
  XDG_DATA_HOME: join(tmp, 'xdg', 'data'),
};
const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

console.log('start: installing the .vsix into code-server');
const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
if (install.status !== 0) {
  console.error(`start: code-server could not install ${vsix}:\n${install.stdout}${install.stderr}`);
  await stop(1);
}

const port = process.env.PORT || '0';
server = spawn(
  process.execPath,
  [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened', ...common],
  { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
server.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`start: code-server stopped (${code ?? signal})`);
    void stop(1);
  }
});

let output = '';
const listening = new Promise((resolve) => {
  const scan = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
    if (m) resolve(m[1]);
  };
  server.stdout.on('data', scan);
  server.stderr.on('data', scan);
});
const timeout = setTimeout(() => {
  console.error(`start: code-server did not start within 60s\n${output}`);
  void stop(1);
}, 60_000);
const origin = await listening;
clearTimeout(timeout);
const url = `${origin}/?folder=${encodeURIComponent(workspace)}`;

if (smoke) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((err) => ({ ok: false, status: err.message }));
  console.log(`start: ${url} -> ${res.status}`);
  await stop(res.ok ? 0 : 1);
}

console.log(`\nGo Mod Doctor is running in code-server. Open this URL in a browser on this machine:\n\n  ${url}\n`);
console.log('(examples/workspace/go.mod shows the diagnostics. Press Ctrl-C to stop.)');
