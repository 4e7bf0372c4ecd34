// Thin activation: create the log, the status items, the panel and the commands, start the language server in the
// background.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../protocol';
import { attachCacheProgress } from './cacheCommands';
import { createClient } from './client';
import { registerCommands } from './commands';
import { attachHealthFeed, onHealth, registerHealthPanel, requestHealth } from './panel';
import { ServerAccess } from './serverAccess';
import { SERVER_SETTINGS } from './settings';
import { HealthStatus } from './statusBar';
import { registerUntrustedStandIns } from './trust';
import { watchModuleWorkspace } from './workspaceModules';

export interface GomodDoctorApi {
  /** Milliseconds spent inside activate(). */
  activationMs: number;
  /** Settles when the language server has started (rejects when it could not). */
  serverReady: Promise<void>;
  /** The status bar item and the language status item as they are shown (read-only use: tests, other extensions). */
  status: { readonly item: vscode.StatusBarItem; readonly language: vscode.LanguageStatusItem; readonly shown: boolean };
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GomodDoctorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Go Mod Doctor', { log: true });
  context.subscriptions.push(log);

  const status = new HealthStatus();
  context.subscriptions.push(status, watchModuleWorkspace((present) => status.setVisible(present)));

  const lc = createClient(context, log);
  client = lc;
  context.subscriptions.push(
    attachHealthFeed(lc),
    attachCacheProgress(lc),
    onHealth((s) => status.update(s)),
    lc.onDidChangeState((e) => {
      // A (re)started server counts from scratch: show "checking" until its first snapshot, then ask for it.
      if (e.newState === State.Starting) status.update(undefined);
      if (e.newState === State.Running) void requestHealth(lc).catch(() => undefined);
    }),
  );

  const start = async (): Promise<void> => {
    await lc.start();
    log.info(vscode.l10n.t('Language server started.'));
  };
  let serverReady = start().catch((err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    log.error(vscode.l10n.t('The language server could not start: {0}', detail));
    void vscode.window.showErrorMessage(vscode.l10n.t('Go Mod Doctor could not start its language server: {0}', detail));
    throw err;
  });
  serverReady.catch(() => undefined);
  // One start at a time: a restart asked for while the server is still starting waits for that start, so the
  // options it sends are the newest.
  const restart = (): void => {
    serverReady = serverReady
      .catch(() => undefined)
      .then(() => (lc.isRunning() ? lc.restart() : lc.start()))
      .catch((err: unknown) => {
        log.error(vscode.l10n.t('The language server could not start: {0}', err instanceof Error ? err.message : String(err)));
        throw err;
      });
    serverReady.catch(() => undefined);
  };

  const panel = registerHealthPanel(context, () => client, log);
  const access = new ServerAccess(() => client, () => serverReady, log);
  // In Restricted Mode the server registers no commands; stand-ins under its ids explain why and offer trust.
  let standIns = registerUntrustedStandIns();
  context.subscriptions.push(
    panel,
    ...registerCommands(access, panel),
    { dispose: () => standIns.dispose() },
    vscode.commands.registerCommand('gomodDoctor.showLog', () => log.show()),
    vscode.commands.registerCommand('gomodDoctor.restartServer', () => {
      restart();
      return serverReady;
    }),
    // The server learns the trust state and the settings at start; a change restarts it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      standIns.dispose();
      standIns = new vscode.Disposable(() => undefined);
      status.refresh();
      restart();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SERVER_SETTINGS.some((k) => e.affectsConfiguration(k))) restart();
      // The editor layer of the Go environment changed (by a quick fix, an undo or the user): check again.
      else if (e.affectsConfiguration('go.toolsEnvVars') && lc.isRunning()) {
        void lc.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.recheck, arguments: [] }).catch(() => undefined);
      }
    }),
    { dispose: () => void client?.stop() },
  );

  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info(vscode.l10n.t('Activated in {0} ms.', activationMs));
  return {
    activationMs,
    get serverReady() {
      return serverReady;
    },
    status: {
      item: status.item,
      language: status.language,
      get shown() {
        return status.shown;
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
