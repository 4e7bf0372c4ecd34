// Runs inside the real VS Code extension host (code-server), loaded as extensionTestsPath by the bench's scenario
// 5. Measures what only the host can see: the extension's own activation time, the language server's memory with
// the kubernetes go.mod open and its module checks done. Writes JSON to $GOMOD_DOCTOR_BENCH_RESULTS; never throws
// (an error is reported in the JSON), so the workbench always exits.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gomod-doctor.gomod-doctor';

interface Api {
  activationMs: number;
  serverReady: Promise<void>;
}

export interface HostFigures {
  activationMs?: number;
  /** The extension was already active when this module ran (activated by workspaceContains:go.mod). */
  activeAtStart?: boolean;
  /** ext.activate() → serverReady settled, when this module did the activating. */
  serverReadyMs?: number;
  /** From showTextDocument of go.mod until the proxy saw no new request for QUIET_MS (module checks done). */
  checksSettledMs?: number;
  proxyRequests?: number;
  diagnostics?: number;
  server?: { pid: number; rssBytes: number; peakRssBytes: number };
  error?: string;
}

const QUIET_MS = 2000;

function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(p),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000}s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The language server: a child of this extension host running dist/server.js. */
function serverProcess(): HostFigures['server'] {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('server.js')) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { pid: Number(name), rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM') };
    } catch {
      // exited while we looked
    }
  }
  return undefined;
}

async function proxyRequests(): Promise<number | undefined> {
  const url = process.env.GOMOD_DOCTOR_BENCH_STATS;
  if (!url) return undefined;
  try {
    const r = await fetch(url);
    return ((await r.json()) as { requests: number }).requests;
  } catch {
    return undefined;
  }
}

async function measure(out: HostFigures): Promise<void> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  out.activeAtStart = ext.isActive;
  const started = performance.now();
  const api = await withTimeout(ext.activate(), 30_000, 'activation');
  out.activationMs = api.activationMs;
  await withTimeout(api.serverReady, 30_000, 'the language server start');
  if (!out.activeAtStart) out.serverReadyMs = performance.now() - started;

  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  const uri = vscode.Uri.joinPath(folder.uri, 'go.mod');
  const opened = performance.now();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // The module checks are done when the proxy has seen requests and then none for QUIET_MS.
  let last = -1;
  let changedAt = performance.now();
  while (performance.now() - opened < 90_000) {
    const n = await proxyRequests();
    if (n === undefined) break;
    if (n !== last) {
      last = n;
      changedAt = performance.now();
    } else if (n > 0 && performance.now() - changedAt >= QUIET_MS) break;
    await sleep(100);
  }
  out.checksSettledMs = changedAt - opened;
  out.proxyRequests = last;
  out.diagnostics = vscode.languages.getDiagnostics(uri).length;
  out.server = serverProcess();
}

export async function run(): Promise<void> {
  const out: HostFigures = {};
  try {
    await measure(out);
  } catch (err) {
    out.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  const file = process.env.GOMOD_DOCTOR_BENCH_RESULTS;
  if (file) writeFileSync(file, JSON.stringify(out, null, 2));
}
