// Workspace trust as users meet it: a command that needs trust says so, with the way to grant it, instead of
// failing silently. In Restricted Mode the server offers no commands at all, so the ids it would register get
// stand-ins here that explain (the panel's buttons and the palette call those ids too).
import * as vscode from 'vscode';
import { SERVER_COMMANDS } from '../protocol';

const MANAGE_TRUST = 'workbench.trust.manage';

/** True in a trusted workspace; otherwise tells the user why `what` cannot run and offers to manage trust. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('{0} needs a trusted workspace: in Restricted Mode Go Mod Doctor runs no go command, contacts no proxy and changes nothing.', what),
      manage,
    )
    .then((picked) => {
      if (picked === manage) void vscode.commands.executeCommand(MANAGE_TRUST);
    });
  return false;
}

/** Titles of the server's commands, for the message of their stand-ins. */
function titleOf(command: string): string {
  switch (command) {
    case SERVER_COMMANDS.recheck:
      return vscode.l10n.t('Re-run Checks');
    case SERVER_COMMANDS.undoEnvWrite:
      return vscode.l10n.t('Undo Last Go Environment Change');
    case SERVER_COMMANDS.downloadSums:
      return vscode.l10n.t('Downloading checksums');
    default:
      return vscode.l10n.t('Changing the Go environment');
  }
}

/**
 * Registers the stand-ins for the server's commands while the workspace is untrusted. Dispose before the server
 * restarts trusted: the language client then registers the real ones under the same ids.
 */
export function registerUntrustedStandIns(): vscode.Disposable {
  if (vscode.workspace.isTrusted) return new vscode.Disposable(() => undefined);
  const subs = Object.values(SERVER_COMMANDS).map((id) =>
    vscode.commands.registerCommand(id, () => {
      requireTrust(titleOf(id));
      return { status: 'refused' };
    }),
  );
  return vscode.Disposable.from(...subs);
}
