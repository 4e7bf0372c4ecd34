import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../protocol';
import { serveEditorEnv } from './editorEnv';
import { chooseGoPath } from './goPath';

/** gomodDoctor.mirrors: the mirrors "Switch GOPROXY to …" offers; empty means the known public ones. */
function mirrorsSetting(): Pick<InitializationOptions, 'mirrors'> {
  const list = vscode.workspace.getConfiguration('gomodDoctor').get<string[]>('mirrors', []).filter((m) => typeof m === 'string' && m.trim() !== '');
  return list.length ? { mirrors: list.map((m) => m.trim()) } : {};
}

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // A function, so that a restart (after a trust grant or a settings change) sends the current state.
  const initializationOptions = (): InitializationOptions => ({
    lang: vscode.env.language,
    goPath: chooseGoPath(),
    trusted: vscode.workspace.isTrusted,
    stateDir: context.globalStorageUri.fsPath,
    editorEnv: true,
    ...mirrorsSetting(),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'go.mod' },
      { scheme: 'file', language: 'go.work' },
      { scheme: 'file', language: 'go.sum' },
    ],
    outputChannel: log,
    initializationOptions,
  };
  const client = new LanguageClient('gomodDoctor', 'Go Mod Doctor', serverOptions, clientOptions);
  context.subscriptions.push(...serveEditorEnv(client));
  return client;
}
