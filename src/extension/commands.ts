// Registers the extension's own commands (the server registers its own four through the language client).
// Every command returns what it did, so the panel, walkthrough links and tests can call the same ids.
import * as vscode from 'vscode';
import { CacheCommands } from './cacheCommands';
import { CACHE_COMMANDS } from './cacheText';
import { runDownload } from './downloadCommand';
import { envMarkdown } from './envDocument';
import { EnvCommands } from './envCommands';
import { copyReport } from './reportCommand';
import type { ServerAccess } from './serverAccess';
import { SHOW_PANEL } from './statusBar';

export interface PanelApi {
  show(): void;
}

/** Show Go Environment: an untitled markdown document with every variable, its value, layer and shadowed values. */
async function showEnv(access: ServerAccess): Promise<{ status: 'shown' | 'unavailable'; uri?: string }> {
  const client = await access.client();
  if (!client) return { status: 'unavailable' };
  const snapshot = await access.snapshot(client, (s) => s.env.length > 0 || !s.trusted);
  if (!snapshot) return { status: 'unavailable' };
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: envMarkdown(snapshot, vscode.l10n) });
  await vscode.window.showTextDocument(doc, { preview: true });
  return { status: 'shown', uri: doc.uri.toString() };
}

export function registerCommands(access: ServerAccess, panel: PanelApi): vscode.Disposable[] {
  const env = new EnvCommands(access);
  const cache = new CacheCommands(access);
  // An unexpected failure is logged and said once, instead of VS Code's bare "command failed".
  const guarded =
    <T>(id: string, run: (arg?: unknown) => Promise<T> | T) =>
    async (arg?: unknown): Promise<T | undefined> => {
      try {
        return await run(arg);
      } catch (err) {
        const message = access.error(id, err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Go Mod Doctor: {0}', message));
        return undefined;
      }
    };
  const register = <T>(id: string, run: (arg?: unknown) => Promise<T> | T) => vscode.commands.registerCommand(id, guarded(id, run));
  return [
    register(SHOW_PANEL, () => panel.show()),
    register('gomodDoctor.switchProxy', (arg) => env.switchProxy(arg)),
    register('gomodDoctor.setSumdb', (arg) => env.setSumdb(arg)),
    register('gomodDoctor.addPrivate', (arg) => env.addPrivate(arg)),
    register('gomodDoctor.showEnv', () => showEnv(access)),
    ...Object.entries(CACHE_COMMANDS).map(([id, kind]) => register(id, (arg) => cache.run(kind, arg))),
    register('gomodDoctor.runDownload', (arg) => runDownload(access, arg)),
    register('gomodDoctor.copyReport', () => copyReport(access)),
  ];
}
