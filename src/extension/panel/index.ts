// The health panel's entry point for activate(): registers the serializer (a panel left open survives a window
// reload; needs the activation event onWebviewPanel:gomodDoctor.health) and returns the API the command
// gomodDoctor.showPanel calls. There is at most one panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HEALTH_VIEW_TYPE, HealthPanel, webviewOptions } from './healthPanel';

export { attachHealthFeed, currentHealth, onHealth, requestHealth } from './healthFeed';
export { HEALTH_VIEW_TYPE } from './healthPanel';

export interface HealthPanelApi extends vscode.Disposable {
  /** Opens the panel, or brings the open one to the front. */
  show(): void;
}

export function registerHealthPanel(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  log: vscode.LogOutputChannel,
): HealthPanelApi {
  const deps = { extensionUri: context.extensionUri, getClient, log };
  let current: HealthPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel): void => {
    let p: HealthPanel;
    try {
      p = new HealthPanel(panel, deps);
    } catch (err) {
      panel.dispose(); // no half-made panel left behind: the next show() starts afresh
      throw err;
    }
    current = p;
    p.onDidDispose(() => {
      if (current === p) current = undefined;
    });
  };
  const serializer = vscode.window.registerWebviewPanelSerializer(HEALTH_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
      if (current) panel.dispose(); // one panel only: show() opened another before the reload's came back
      else adopt(panel);
    },
  });
  return {
    show() {
      if (current) return current.reveal();
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      adopt(vscode.window.createWebviewPanel(HEALTH_VIEW_TYPE, vscode.l10n.t('Go Module Health'), column, webviewOptions(context.extensionUri)));
    },
    dispose() {
      serializer.dispose();
      current?.dispose();
    },
  };
}
