// code-server: the real VS Code (server + browser workbench) that runs here without internet. Installed once into a
// cache by scripts/ensure-code-server.mjs; every run gets its own user-data, extensions and Go directories.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runProgram, startService, withTimeout } from './processes';

export interface Sandbox {
  root: string;
  userData: string;
  extensions: string;
  config: string;
  env: NodeJS.ProcessEnv;
  /** TMPDIR for everything this run starts. */
  tmp: string;
}

/** Settings that keep the workbench quiet and offline; the theme is switched later for light/dark screenshots. */
export function baseSettings(theme: string): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': theme,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'npm.fetchOnlinePackageInfo': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 200,
    'security.workspace.trust.enabled': false,
  };
}

export function writeSettings(sandbox: Sandbox, settings: Record<string, unknown>): void {
  const dir = join(sandbox.userData, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** Settings of the remote machine (code-server's <user-data>/Machine/settings.json). The workbench is a remote
 *  window on code-server, and VS Code reads settings of scope "machine" (gomodDoctor.mirrors) only from here: in the
 *  user settings it keeps them only while the extension's schema is not registered yet (LOCAL_MACHINE_SCOPES), so
 *  there they apply or not depending on timing. */
export function writeMachineSettings(sandbox: Sandbox, settings: Record<string, unknown>): void {
  const dir = join(sandbox.userData, 'Machine');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/** Makes the go env file ($GOENV) the layer these variables come from: writes them there in `go env -w`'s format
 *  and drops them from code-server's environment, which would otherwise win over the file. Returns the file. */
export function useGoEnvFile(sandbox: Sandbox, values: Record<string, string>): string {
  const file = sandbox.env.GOENV!;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join(''));
  for (const k of Object.keys(values)) delete sandbox.env[k];
  return file;
}

/** Folders and environment for one code-server run, all under root. Go is pinned offline and kept out of $HOME. */
export function makeSandbox(root: string): Sandbox {
  const dirs = {
    userData: join(root, 'data'),
    extensions: join(root, 'extensions'),
    gopath: join(root, 'go', 'path'),
    gomodcache: join(root, 'go', 'modcache'),
    gocache: join(root, 'go', 'cache'),
    xdg: join(root, 'xdg'),
    tmp: join(root, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const config = join(root, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VSCODE_IPC_HOOK_CLI: '',
    // VS Code puts its IPC sockets and the TypeScript server's files in os.tmpdir(): keep them in this run's dir.
    TMPDIR: dirs.tmp,
    // No marketplace: the workbench never asks a gallery for anything.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    // The env-write journal (the per-user state directory) stays in this run's dir.
    XDG_STATE_HOME: join(dirs.xdg, 'state'),
    GOPATH: dirs.gopath,
    GOMODCACHE: dirs.gomodcache,
    GOCACHE: dirs.gocache,
    GOENV: join(root, 'go', 'env'),
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=mod',
  };
  delete env.GOMOD_DOCTOR_STATS;
  return { root, userData: dirs.userData, extensions: dirs.extensions, config, env, tmp: dirs.tmp };
}

function baseArgs(sandbox: Sandbox): string[] {
  return ['--config', sandbox.config, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions];
}

/** Installs a .vsix the way a user would, and returns what code-server then lists (id@version lines). */
export async function installVsix(entry: string, sandbox: Sandbox, vsix: string): Promise<string[]> {
  const install = await runProgram(process.execPath, [entry, ...baseArgs(sandbox), '--install-extension', vsix, '--force'], {
    env: sandbox.env,
    timeoutMs: 120_000,
    allowFailure: true,
  });
  if (install.code !== 0) {
    const reason = install.output.split('\n').find((l) => l.startsWith('Error:')) ?? install.output.slice(-2000);
    const hint = /not compatible/.test(reason) ? ' (engines.vscode in package.json must accept this VS Code, e.g. "^1.100.0")' : '';
    throw new Error(`--install-extension failed (${install.code ?? install.signal}): ${reason}${hint}`);
  }
  const listed = await runProgram(process.execPath, [entry, ...baseArgs(sandbox), '--list-extensions', '--show-versions'], {
    env: sandbox.env,
    timeoutMs: 60_000,
  });
  return listed.output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
}

export interface RunningServer {
  port: number;
  origin: string;
  output: () => string;
}

/** Waits (60 s at most) until a started code-server says which loopback port it listens on; keeps its output. */
export async function listeningPort(child: ChildProcess, what: string): Promise<{ port: number; output: () => string }> {
  let output = '';
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      const scan = (chunk: Buffer): void => {
        output = (output + chunk.toString()).slice(-100_000);
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (m) resolve(Number(m[1]));
      };
      child.stdout!.on('data', scan);
      child.stderr!.on('data', scan);
      child.on('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal})\n${output.slice(-4000)}`)));
      child.on('error', reject);
    }),
    60_000,
    what,
  );
  return { port, output: () => output };
}

/** Starts code-server on a free loopback port and resolves once it listens. It is stopped by the cleanup list. */
export async function startCodeServer(entry: string, sandbox: Sandbox): Promise<RunningServer> {
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...baseArgs(sandbox),
  ];
  const child = startService(process.execPath, args, { env: sandbox.env, cwd: sandbox.root });
  const { port, output } = await listeningPort(child, 'code-server start');
  return { port, origin: `http://127.0.0.1:${port}`, output };
}
