// Copy Diagnostic Report: the server's markdown report (secrets redacted there, and once more here) to the clipboard.
import * as vscode from 'vscode';
import { REPORT_REQUEST, type ReportResult } from '../protocol';
import { redact } from './redact';
import type { ServerAccess } from './serverAccess';

export async function copyReport(access: ServerAccess): Promise<{ status: 'copied' | 'unavailable' | 'failed'; chars?: number }> {
  const client = await access.client();
  if (!client) return { status: 'unavailable' };
  let markdown: string;
  try {
    markdown = redact((await client.sendRequest<ReportResult>(REPORT_REQUEST)).markdown);
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be made: {0}', access.error('report', err)));
    return { status: 'failed' };
  }
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.showInformationMessage(vscode.l10n.t('The report (secrets redacted) is on the clipboard.'));
  return { status: 'copied', chars: markdown.length };
}
