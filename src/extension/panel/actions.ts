// What the panel's buttons do in the host. Each returns the localized line the panel shows in its status line.
// Env fixes take the quick fixes' path: the server previews the change, a modal shows it, applyEnvFix writes it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PREVIEW_ENV_FIX_REQUEST,
  REPORT_REQUEST,
  SERVER_COMMANDS,
  type CommandResult,
  type HealthSnapshot,
  type PreviewEnvFixParams,
  type PreviewEnvFixResult,
  type ReportResult,
} from '../../protocol';
import { redact } from '../redact';
import { fixIdsOf, hasModuleAt, type PanelCommand } from './messages';

export interface ActionResult {
  ok: boolean;
  message?: string;
}

/** Re-run Checks, as the palette runs it: the client's middleware also starts a new round of probes and cache. */
export async function recheck(): Promise<ActionResult> {
  await vscode.commands.executeCommand(SERVER_COMMANDS.recheck);
  return { ok: true };
}

/** Copy Diagnostic Report, as the palette runs it (it says itself when the report is on the clipboard). */
export async function copyReport(): Promise<ActionResult> {
  const result = await vscode.commands.executeCommand<{ status: string } | undefined>('gomodDoctor.copyReport');
  return { ok: result?.status === 'copied' };
}

/** The server's markdown report (redacted there), redacted once more here like every string that leaves for a file. */
async function report(client: LanguageClient): Promise<string> {
  return redact((await client.sendRequest<ReportResult>(REPORT_REQUEST)).markdown);
}

export async function saveReport(client: LanguageClient): Promise<ActionResult> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the Go Mod Doctor report'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'gomod-doctor-report.md') : undefined,
    filters: { [vscode.l10n.t('Markdown')]: ['md'] },
  });
  if (!target) return { ok: false };
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(await report(client)));
  return { ok: true, message: vscode.l10n.t('Report saved to {0}.', target.scheme === 'file' ? target.fsPath : target.toString(true)) };
}

/** Opens the file of a module row at its require line; only rows of the snapshot the panel shows. */
export async function openModule(snapshot: HealthSnapshot | undefined, uri: string, line: number, beside: vscode.ViewColumn): Promise<ActionResult> {
  if (!snapshot || !hasModuleAt(snapshot, uri, line)) return { ok: false, message: vscode.l10n.t('That module row is gone; the panel shows the newest data.') };
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  const at = doc.lineAt(Math.min(line, doc.lineCount - 1));
  const selection = new vscode.Range(at.lineNumber, at.firstNonWhitespaceCharacterIndex, at.lineNumber, at.text.length);
  await vscode.window.showTextDocument(doc, { selection, viewColumn: beside, preview: false });
  return { ok: true };
}

/** Preview → modal confirmation → SERVER_COMMANDS.applyEnvFix, for a fix id the snapshot offers. */
export async function applyFix(client: LanguageClient, snapshot: HealthSnapshot | undefined, fixId: string): Promise<ActionResult> {
  if (!snapshot || !fixIdsOf(snapshot).has(fixId)) return { ok: false, message: vscode.l10n.t('That fix is no longer offered; the panel shows the newest data.') };
  const params: PreviewEnvFixParams = { fixId };
  const preview = await client.sendRequest<PreviewEnvFixResult>(PREVIEW_ENV_FIX_REQUEST, params);
  if (preview.refused) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This change cannot be made: {0}', preview.refused));
    return { ok: false, message: preview.refused };
  }
  const apply = vscode.l10n.t('Apply');
  const picked = await vscode.window.showInformationMessage(
    vscode.l10n.t('Change the Go environment?'),
    { modal: true, detail: preview.changes.join('\n') },
    apply,
  );
  if (picked !== apply) return { ok: false, message: vscode.l10n.t('Nothing was changed.') };
  const result = await vscode.commands.executeCommand<CommandResult | undefined>(SERVER_COMMANDS.applyEnvFix, fixId);
  const written = result?.status === 'written';
  return { ok: written, message: result?.message ?? (written ? vscode.l10n.t('The Go environment was changed.') : result?.status) };
}

/** Runs one of the palette commands the panel has buttons for (cache cleaning, workspace trust). */
export async function runCommand(command: PanelCommand): Promise<ActionResult> {
  await vscode.commands.executeCommand(command);
  return { ok: true };
}
