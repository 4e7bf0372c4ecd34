import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type InitializationOptions } from '../protocol';
import { serveEditorEnv } from './editorEnv';
import { chooseGoPath } from './goPath';
import { requestHealth } from './panel/healthFeed';
import { serverOptionsFromSettings } from './settings';

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // A function, so that a restart (after a trust grant or a settings change) sends the current state.
  const initializationOptions = (): InitializationOptions => {
    const settings = vscode.workspace.getConfiguration('gomodDoctor');
    return {
      lang: vscode.env.language,
      goPath: chooseGoPath(),
      trusted: vscode.workspace.isTrusted,
      // No stateDir: the server uses the per-user state directory, the one the CLI uses, so both share one journal
      // and one lock around env writes (with two journals, two writers at once could lose a change).
      editorEnv: true,
      health: true,
      ...serverOptionsFromSettings((key) => settings.get(key)),
    };
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'go.mod' },
      { scheme: 'file', language: 'go.work' },
      { scheme: 'file', language: 'go.sum' },
    ],
    outputChannel: log,
    initializationOptions,
    middleware: {
      // "Re-run Checks" (the server's recheck command, from the palette or the panel) also starts a new round of
      // probes and cache inspection, so everything the status bar and the panel show is measured again.
      executeCommand: async (command, args, next) => {
        if (command === SERVER_COMMANDS.recheck && client.isRunning()) {
          await requestHealth(client, true).catch(() => undefined);
        }
        return next(command, args);
      },
    },
  };
  const client = new LanguageClient('gomodDoctor', 'Go Mod Doctor', serverOptions, clientOptions);
  context.subscriptions.push(...serveEditorEnv(client));
  return client;
}
