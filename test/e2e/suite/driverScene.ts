// What the commands and status bar tests need from the driver's scene (test/e2e/run.ts): the loopback proxies, the
// go env file, and the extension's API with its status items. Under another host nobody sets the scene: skip there.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { extensionReady, type GomodDoctorApi } from './host';
import { withTimeout } from './poll';

/** The extension's API including the status items (src/extension/extension.ts). */
export interface ApiWithStatus extends GomodDoctorApi {
  status: { readonly item: vscode.StatusBarItem; readonly language: vscode.LanguageStatusItem; readonly shown: boolean };
}

export async function apiWithStatus(): Promise<ApiWithStatus> {
  const api = (await extensionReady()) as ApiWithStatus;
  assert.ok(api.status?.item, 'the extension API has no status items');
  return api;
}

/** True when the driver set the scene; under test/e2e/run.ts (GOMOD_DOCTOR_E2E_RESULTS) a missing scene fails. */
export function underDriver(): boolean {
  return Boolean(process.env.GOMOD_DOCTOR_E2E_RESULTS || process.env.GOMOD_DOCTOR_E2E_STALLED);
}

export function fromDriver(name: string): string {
  const v = process.env[name];
  assert.ok(v, `${name} is not set: this suite runs under test/e2e/run.ts, which sets the scene`);
  return v;
}

/** The go env file as the driver wrote it, and a way back to exactly that (the driver checks it at the end). */
export class GoEnvFile {
  readonly path = fromDriver('GOENV');
  readonly original = readFileSync(this.path, 'utf8');

  read(): string {
    return readFileSync(this.path, 'utf8');
  }

  write(text: string): void {
    writeFileSync(this.path, text);
  }

  /** Restores the driver's text; true when it had changed. */
  restore(): boolean {
    if (this.read() === this.original) return false;
    this.write(this.original);
    return true;
  }
}

export function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return withTimeout(vscode.commands.executeCommand<T>(command, ...args), 60_000, command);
}

/** Closes every editor, and waits until VS Code has let go of the module files (the server then forgets them). */
export async function closeModuleFiles(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const deadline = Date.now() + 15_000;
  const open = () => vscode.workspace.textDocuments.filter((d) => d.languageId === 'go.mod' || d.languageId === 'go.work');
  while (open().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}
