// Thin activation: create the log, register commands, start the language server in the background.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../protocol';
import { createClient } from './client';

export interface GomodDoctorApi {
  /** Milliseconds spent inside activate(). */
  activationMs: number;
  /** Settles when the language server has started (rejects when it could not). */
  serverReady: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GomodDoctorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Go Mod Doctor', { log: true });
  context.subscriptions.push(log);

  const start = async (): Promise<void> => {
    client = createClient(context, log);
    await client.start();
    log.info(vscode.l10n.t('Language server started.'));
  };
  const serverReady = start().catch((err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    log.error(vscode.l10n.t('The language server could not start: {0}', detail));
    void vscode.window.showErrorMessage(vscode.l10n.t('Go Mod Doctor could not start its language server: {0}', detail));
    throw err;
  });
  serverReady.catch(() => undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand('gomodDoctor.showLog', () => log.show()),
    vscode.commands.registerCommand('gomodDoctor.restartServer', async () => {
      if (client) await client.restart();
      else await start();
    }),
    // The server learns the trust state and the go binary at start; a change restarts it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const goChanged = ['gomodDoctor.goPath', 'gomodDoctor.mirrors', 'go.goroot', 'go.alternateTools'].some((k) => e.affectsConfiguration(k));
      if (goChanged) void client?.restart();
      // The editor layer of the Go environment changed (by a quick fix, an undo or the user): check again.
      else if (e.affectsConfiguration('go.toolsEnvVars') && client?.isRunning()) {
        void client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.recheck, arguments: [] }).catch(() => undefined);
      }
    }),
    { dispose: () => void client?.stop() },
  );

  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info(vscode.l10n.t('Activated in {0} ms.', activationMs));
  return { activationMs, serverReady };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
