// Run go mod download (watched): the server runs it under the watchdog for the folder of a go.mod, with progress
// and cancel here; the outcome (the go error translated into a finding) comes back as one notification.
// Programmatic use: the go.mod's URI (string or vscode.Uri, or { uri }) skips the picker.
import * as vscode from 'vscode';
import { DOWNLOAD_REQUEST, type DownloadParams, type DownloadResult } from '../protocol';
import { redact } from './redact';
import type { ServerAccess } from './serverAccess';
import { SHOW_PANEL } from './statusBar';
import { requireTrust } from './trust';
import { findGoModFiles } from './workspaceModules';

export interface DownloadCommandResult {
  status: DownloadResult['status'] | 'cancelled' | 'untrusted' | 'unavailable' | 'no-module';
  result?: DownloadResult;
}

function uriArg(arg: unknown): vscode.Uri | undefined {
  const raw = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && 'uri' in arg ? (arg as { uri: unknown }).uri : arg;
  if (raw instanceof vscode.Uri) return raw;
  if (typeof raw === 'string' && raw !== '') return raw.includes('://') ? vscode.Uri.parse(raw, true) : vscode.Uri.file(raw);
  return undefined;
}

/** The go.mod to download for: the argument, the active go.mod, the only one, or the user's pick. */
async function chooseGoMod(arg: unknown): Promise<vscode.Uri | undefined> {
  const given = uriArg(arg);
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'go.mod' && active.uri.scheme === 'file') return active.uri;
  const found = await findGoModFiles();
  if (found.length <= 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: vscode.l10n.t('Run go mod download'), placeHolder: vscode.l10n.t('Which module?') },
  );
  return picked?.uri;
}

export async function runDownload(access: ServerAccess, arg?: unknown): Promise<DownloadCommandResult> {
  const title = vscode.l10n.t('Run go mod download');
  if (!requireTrust(title)) return { status: 'untrusted' };
  const goMod = await chooseGoMod(arg);
  if (!goMod) {
    if (arg === undefined) void vscode.window.showInformationMessage(vscode.l10n.t('No go.mod found in this workspace.'));
    return { status: 'no-module' };
  }
  const client = await access.client();
  if (!client) return { status: 'unavailable' };
  const where = vscode.workspace.asRelativePath(goMod);
  let result: DownloadResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('go mod download ({0})', where), cancellable: true },
      (_progress, token) => client.sendRequest<DownloadResult>(DOWNLOAD_REQUEST, { uri: goMod.toString() } satisfies DownloadParams, token),
    );
  } catch (err) {
    if (err instanceof vscode.CancellationError || (err instanceof Error && err.name === 'Canceled')) return { status: 'cancelled' };
    const message = access.error(`go mod download ${where}`, err);
    void vscode.window.showErrorMessage(`${title}: ${message}`);
    return { status: 'failed' };
  }
  access.log.info(`go mod download ${where}: ${result.status}. ${redact(result.message)}`);
  for (const f of result.findings) access.log.info(`  ${f.code} (${f.severity}): ${redact(f.message)}`);
  if (result.status !== 'cancelled') {
    const showPanel = vscode.l10n.t('Show Panel');
    const shown = result.status === 'done' ? vscode.window.showInformationMessage(result.message, showPanel) : vscode.window.showErrorMessage(result.message, showPanel);
    void shown.then((picked) => {
      if (picked === showPanel) void vscode.commands.executeCommand(SHOW_PANEL);
    });
  }
  return { status: result.status, result };
}
