import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../protocol';
import { chooseGoPath } from './goPath';

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
  return new LanguageClient('gomodDoctor', 'Go Mod Doctor', serverOptions, clientOptions);
}
