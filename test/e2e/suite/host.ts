// What every in-host test needs: the workspace's files, the extension started once with its language server,
// documents opened in an editor, and waiting for one of our diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, pollFor, withTimeout } from './poll';

export const EXTENSION_ID = 'gomod-doctor.gomod-doctor';
export const DIAGNOSTIC_TIMEOUT_MS = 30_000;

export interface GomodDoctorApi {
  activationMs: number;
  serverReady: Promise<void>;
}

export function workspaceFile(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
}

let ready: Promise<GomodDoctorApi> | undefined;
/** Activates the extension once and waits for its language server; every test starts from there. */
export function extensionReady(): Promise<GomodDoctorApi> {
  ready ??= (async () => {
    const ext = vscode.extensions.getExtension<GomodDoctorApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in this VS Code`);
    const api = await withTimeout(ext.activate(), 30_000, 'extension activation');
    await withTimeout(api.serverReady, 30_000, 'the language server start');
    return api;
  })();
  return ready;
}

export async function open(relPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relPath));
  return vscode.window.showTextDocument(doc);
}

export function waitForCode(uri: vscode.Uri, code: string, timeoutMs = DIAGNOSTIC_TIMEOUT_MS): Promise<vscode.Diagnostic> {
  return pollFor(
    () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code),
    timeoutMs,
    () => `${code} on ${vscode.workspace.asRelativePath(uri)}; it has ${describeDiagnostics(uri)}`,
  );
}

/** Waits until no diagnostic with code is left on uri. */
export function waitForNoCode(uri: vscode.Uri, code: string, timeoutMs = DIAGNOSTIC_TIMEOUT_MS): Promise<true> {
  return pollFor(
    () => (vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === code) ? undefined : true),
    timeoutMs,
    () => `${code} to go from ${vscode.workspace.asRelativePath(uri)}; it has ${describeDiagnostics(uri)}`,
  );
}

export function show(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
