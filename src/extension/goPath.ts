import * as vscode from 'vscode';
import { join } from 'node:path';

/**
 * The go binary the user means: our setting, then the official Go extension's go.alternateTools.go and
 * go.goroot, then PATH (empty string). In an untrusted workspace, VS Code hides workspace values of our
 * restricted setting; the Go extension's settings are read from user scope only for the same reason.
 */
export function chooseGoPath(): string {
  const ours = vscode.workspace.getConfiguration('gomodDoctor').get<string>('goPath', '').trim();
  if (ours) return ours;
  const go = vscode.workspace.getConfiguration('go');
  const trusted = vscode.workspace.isTrusted;
  const pick = <T>(key: string): T | undefined => {
    const info = go.inspect<T>(key);
    return trusted ? (info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue) : info?.globalValue;
  };
  const alternate = pick<Record<string, string>>('alternateTools')?.go?.trim();
  if (alternate) return alternate;
  const goroot = pick<string>('goroot')?.trim();
  if (goroot) return join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go');
  return '';
}
