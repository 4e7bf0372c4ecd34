#!/usr/bin/env node
// Installs code-server (the VS Code server published on npm) once into a cache outside the repo and prints the
// folder it lives in. It is the real VS Code that runs on these machines without internet; see
// ../shared/docs/offline-vscode-testing.md for why each workaround below exists.
//
//   node scripts/ensure-code-server.mjs          -> human-readable progress on stderr, the install folder on stdout
//   GOMOD_DOCTOR_CACHE=/some/dir                  -> cache root (default ~/.cache/gomod-doctor)
//
// System packages (ripgrep, libkrb5-dev, chromium) are installed by .ci/run, not here: this script only checks for
// them and says what is missing, so it never needs root or apt.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep's postinstall looks for this archive in os.tmpdir() before it tries GitHub.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const MARKER = '.gomod-doctor-installed';
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

export function cacheRoot() {
  return process.env.GOMOD_DOCTOR_CACHE || join(homedir(), '.cache', 'gomod-doctor');
}

export function installDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The file to run with node to start code-server inside an install folder. */
export function entryFile(dir) {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** True when dir holds a finished install: marker written last, and the files a run needs are present. */
function isComplete(dir) {
  const marker = join(dir, MARKER);
  if (!existsSync(marker)) return false;
  if (readFileSync(marker, 'utf8').trim() !== CODE_SERVER_VERSION) return false;
  const vscode = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  return (
    existsSync(entryFile(dir)) &&
    existsSync(join(vscode, 'out', 'server-main.js')) &&
    existsSync(join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))
  );
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function checkSystemPackages() {
  const missing = [];
  if (!which('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  for (const tool of ['make', 'g++', 'python3']) if (!which(tool)) missing.push(tool);
  if (missing.length) {
    throw new Error(
      `code-server needs these system packages to install: ${missing.join(', ')}.\n` +
        `Install them (as root: apt-get update && apt-get install -y ${missing.join(' ')}) or run .ci/run.`,
    );
  }
}

/** Builds the ripgrep archive @vscode/ripgrep looks for, from Debian's rg, inside tmp (used as TMPDIR). */
function seedRipgrepCache(tmp) {
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cacheDir, { recursive: true });
  const stage = join(tmp, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(which('rg'), join(stage, 'rg'));
  execFileSync('tar', ['-czf', join(cacheDir, RIPGREP_ARCHIVE), '-C', stage, 'rg']);
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} took longer than ${INSTALL_TIMEOUT_MS / 1000}s\n${output}`));
    }, INSTALL_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal})\n${output}`));
    });
  });
}

/** Returns the install folder, installing code-server first when it is missing or half installed. */
export async function ensureCodeServer(log = (m) => process.stderr.write(m + '\n')) {
  const dir = installDir();
  if (isComplete(dir)) {
    log(`code-server ${CODE_SERVER_VERSION}: cached at ${dir}`);
    return dir;
  }
  if (existsSync(dir)) {
    log(`code-server ${CODE_SERVER_VERSION}: ${dir} is incomplete, reinstalling`);
    rmSync(dir, { recursive: true, force: true });
  }
  checkSystemPackages();

  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  // Install into a private staging folder and rename it into place only when it is finished, so an interrupted
  // install never looks complete and two concurrent runs never share a half-written tree.
  const staging = mkdtempSync(join(root, `.staging-code-server-${CODE_SERVER_VERSION}-`));
  const started = Date.now();
  try {
    const tmp = join(staging, 'tmp');
    const prefix = join(staging, 'install');
    mkdirSync(tmp, { recursive: true });
    mkdirSync(prefix, { recursive: true });
    seedRipgrepCache(tmp);
    writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: 'gomod-doctor-code-server', private: true }) + '\n');
    log(`code-server ${CODE_SERVER_VERSION}: installing into ${dir} (about a minute, ~300 MB)`);
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: prefix,
      env: {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true', // its install script refuses to run as root without this
        npm_config_yes: 'true', // a native dependency calls `npx node-gyp` with no terminal
        npm_config_update_notifier: 'false',
      },
    });
    writeFileSync(join(prefix, MARKER), CODE_SERVER_VERSION + '\n');
    if (!isComplete(prefix)) throw new Error(`npm finished but the code-server install in ${prefix} is incomplete`);
    try {
      renameSync(prefix, dir);
    } catch (err) {
      if (!isComplete(dir)) throw err; // another run finished first: use its copy
    }
    log(`code-server ${CODE_SERVER_VERSION}: installed in ${Math.round((Date.now() - started) / 1000)}s`);
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    cleanOldStaging(root);
  }
}

/** Removes staging folders left by runs that were killed (older than an hour). */
function cleanOldStaging(root) {
  for (const name of readdirSync(root)) {
    if (!name.startsWith('.staging-code-server-')) continue;
    const full = join(root, name);
    try {
      const ageMs = Date.now() - statSync(full).mtimeMs;
      if (ageMs > 60 * 60 * 1000) rmSync(full, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureCodeServer()
    .then((dir) => {
      process.stdout.write(dir + '\n');
    })
    .catch((err) => {
      process.stderr.write(`ensure-code-server: ${err.message}\n`);
      process.exit(1);
    });
}
