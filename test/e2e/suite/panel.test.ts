// The health panel in a real VS Code extension host: the command opens one webview panel of the registered view
// type (shown again, not opened twice), the installed extension carries the built script and stylesheet it loads,
// and the manifest lets a panel left open come back after a reload. What the page shows is checked in Chromium by
// the driver (test/e2e/run.ts), which can look inside the webview's frames.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionReady } from './host';
import { pollFor, withTimeout } from './poll';

const VIEW_TYPE = 'gomodDoctor.health';

/** Tabs holding our webview panel (VS Code prefixes the view type of extension webviews, e.g. mainThreadWebview-…). */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

async function closeTabs(tabs: vscode.Tab[]): Promise<void> {
  if (tabs.length) await withTimeout(vscode.window.tabGroups.close(tabs), 10_000, 'closing the panel');
}

describe('Go Mod Doctor health panel in the extension host', function () {
  this.timeout(60_000);

  before(async () => {
    await extensionReady();
    await closeTabs(panelTabs());
  });

  after(async () => {
    await closeTabs(panelTabs());
  });

  it('gomodDoctor.showPanel opens one panel titled "Go Module Health"; running it again brings the same one back', async () => {
    await withTimeout(vscode.commands.executeCommand('gomodDoctor.showPanel'), 10_000, 'gomodDoctor.showPanel');
    const [tab] = await pollFor(() => (panelTabs().length ? panelTabs() : undefined), 10_000, () => 'a tab for the health panel');
    assert.equal(tab.label, 'Go Module Health');
    assert.ok(tab.isActive, 'the new panel is the active tab of its group');

    // Another editor in front of it, then the command again: the same panel comes to the front, no second one.
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await pollFor(() => (panelTabs()[0]?.isActive ? undefined : true), 5_000, () => 'the untitled editor to cover the panel');
    await withTimeout(vscode.commands.executeCommand('gomodDoctor.showPanel'), 10_000, 'gomodDoctor.showPanel again');
    await pollFor(() => (panelTabs().length === 1 && panelTabs()[0].isActive ? true : undefined), 5_000, () => `one active panel tab; there are ${panelTabs().length}`);
    const untitled = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'untitled');
    await closeTabs(untitled);

    await closeTabs(panelTabs());
    assert.equal(panelTabs().length, 0);
    await withTimeout(vscode.commands.executeCommand('gomodDoctor.showPanel'), 10_000, 'gomodDoctor.showPanel after closing');
    await pollFor(() => (panelTabs().length === 1 ? true : undefined), 10_000, () => 'a new panel after the old one was closed');
  });

  it('the installed extension ships the panel script and stylesheet, and activates for a panel restored after a reload', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const media = join(ext.extensionUri.fsPath, 'media');
    const script = readFileSync(join(media, 'panel.js'), 'utf8');
    assert.ok(script.length > 2000, `media/panel.js has ${script.length} characters`);
    assert.match(script, /acquireVsCodeApi/);
    assert.ok(!/\bimport\s*\(|require\(/.test(script), 'the webview bundle loads nothing at run time');
    assert.ok(statSync(join(media, 'panel.css')).size > 500);
    const manifest = ext.packageJSON as { activationEvents?: string[] };
    assert.ok(manifest.activationEvents?.includes(`onWebviewPanel:${VIEW_TYPE}`), `activationEvents: ${JSON.stringify(manifest.activationEvents)}`);
  });
});
