// One webview panel showing the health snapshot. The host posts nothing until the page's script says 'ready' (a
// hidden panel's page is discarded and says 'ready' again when shown), then the strings and the newest snapshot,
// then every newer snapshot. Requests from the page are checked (parseWebviewMessage) before anything runs.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { redact } from '../redact';
import { applyFix, copyReport, openModule, recheck, runCommand, saveReport, type ActionResult } from './actions';
import { attachHealthFeed, currentHealth, onHealth, requestHealth } from './healthFeed';
import { makeNonce, panelHtml } from './html';
import { parseWebviewMessage, type HostMessage, type PanelRequest } from './messages';
import { panelStrings } from './strings';

export const HEALTH_VIEW_TYPE = 'gomodDoctor.health';

/** An error as the log and the panel may show it: no credentials. */
function errorText(err: unknown): string {
  return redact(err instanceof Error ? err.message : String(err));
}

export interface PanelDeps {
  extensionUri: vscode.Uri;
  getClient: () => LanguageClient | undefined;
  log: vscode.LogOutputChannel;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class HealthPanel implements vscode.Disposable {
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', name)).toString();
    panel.title = vscode.l10n.t('Go Module Health');
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('panel.js'),
      styleUri: media('panel.css'),
      lang: vscode.env.language,
      title: panel.title,
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden the page is gone while hidden; it says 'ready' again when shown.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
      onHealth((snapshot) => this.post({ type: 'health', snapshot, serverRunning: true })),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  private post(message: HostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private client(): LanguageClient | undefined {
    const c = this.deps.getClient();
    // The feed's handler lives as long as the client (the status bar relies on it too): not tied to this panel.
    if (c) attachHealthFeed(c);
    return c;
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.warn(vscode.l10n.t('The health panel sent a message that is not part of its protocol; ignored.'));
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.post({ type: 'init', strings: panelStrings(), lang: vscode.env.language });
      const client = this.client();
      // Starting counts as running: the page waits for the first snapshot instead of saying the server is down.
      this.post({ type: 'health', snapshot: currentHealth() ?? null, serverRunning: client !== undefined && client.state !== State.Stopped });
      if (client?.state === State.Running) await requestHealth(client).catch((err: unknown) => this.logError(err));
      return;
    }
    let result: ActionResult;
    try {
      result = await this.run(message.request);
    } catch (err) {
      this.logError(err);
      result = { ok: false, message: errorText(err) };
    }
    this.post({ type: 'response', id: message.id, ...result });
  }

  private async run(request: PanelRequest): Promise<ActionResult> {
    switch (request.kind) {
      case 'openModule': {
        const other = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        return openModule(currentHealth(), request.uri, request.line, other);
      }
      case 'command':
        return runCommand(request.command);
      case 'recheck':
        return recheck();
      case 'copyReport':
        return copyReport();
    }
    const client = this.client();
    if (!client || client.state !== State.Running) return { ok: false, message: vscode.l10n.t('The Go Mod Doctor language server is not running.') };
    switch (request.kind) {
      case 'saveReport':
        return saveReport(client);
      case 'applyFix':
        return applyFix(client, currentHealth(), request.fixId);
    }
  }

  private logError(err: unknown): void {
    this.deps.log.error(vscode.l10n.t('Health panel: {0}', errorText(err)));
  }

  dispose(): void {
    this.ready = false;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
