// Restricted Mode in a real VS Code extension host: an untrusted window (test/e2e/driver/restricted.ts opens one on
// a copy of the fixture whose .vscode/settings.json sets a go path, mirrors and a probe timeout). Only parsing runs;
// the commands that need trust say so instead of acting; workspace values of restricted settings are ignored.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionReady, open, waitForCode } from '../suite/host';
import { describeDiagnostics, pollFor, withTimeout } from '../suite/poll';

interface Api {
  serverReady: Promise<void>;
  status: { readonly item: vscode.StatusBarItem; readonly language: vscode.LanguageStatusItem; readonly shown: boolean };
}

const PROBE_TIMEOUT_MS = 5_000;

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return withTimeout(vscode.commands.executeCommand<T>(command, ...args), 30_000, command);
}

describe('Go Mod Doctor in Restricted Mode (untrusted workspace)', function () {
  this.timeout(60_000);
  let api: Api;

  before(async function () {
    if (!process.env.GOMOD_DOCTOR_E2E_RESTRICTED) this.skip();
    api = (await extensionReady()) as unknown as Api;
  });

  it('the window is untrusted, and the extension still activates and starts its server', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is trusted: the driver must open an untrusted window');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    await api.serverReady;
  });

  it('the status bar says Restricted, and its tooltip says what trust would enable', async () => {
    await pollFor(() => (api.status.shown ? true : undefined), 10_000, () => 'the status bar item to be shown');
    assert.equal(api.status.item.text, '$(shield) Restricted');
    const tooltip = api.status.item.tooltip;
    // MarkdownString.appendText keeps spaces as &nbsp;.
    const text = (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/g, ' ');
    assert.ok(text.includes('trust this workspace'), text);
    assert.equal(api.status.language.severity, vscode.LanguageStatusSeverity.Warning);
  });

  it('parsing diagnostics still arrive (gomod.version-invalid on bad/go.mod)', async () => {
    const editor = await open('bad/go.mod');
    await waitForCode(editor.document.uri, 'gomod.version-invalid');
  });

  it('no network check runs: quickfix/go.mod (its GOPROXY never answers) stays without module findings', async () => {
    const editor = await open('quickfix/go.mod');
    const uri = editor.document.uri;
    // Long enough for a trusted server to have reported module.unreachable: one probe timeout (the workspace sets
    // gomodDoctor.probeTimeoutMs, which is not a restricted setting), twice over.
    const timeoutMs = vscode.workspace.getConfiguration('gomodDoctor').get<number>('probeTimeoutMs', PROBE_TIMEOUT_MS);
    await new Promise((r) => setTimeout(r, 2 * timeoutMs + 500));
    const network = vscode.languages.getDiagnostics(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('module.'));
    assert.deepEqual(network, [], describeDiagnostics(uri));
  });

  it('workspace values of the restricted settings (go path, mirrors) are ignored; others apply', () => {
    const config = vscode.workspace.getConfiguration('gomodDoctor');
    const file = JSON.parse(readFileSync(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'settings.json').fsPath, 'utf8')) as Record<string, unknown>;
    assert.ok(file['gomodDoctor.goPath'], 'the fixture plants no go path');
    assert.equal(config.get('goPath'), '', 'the workspace go path is used in Restricted Mode');
    assert.deepEqual(config.get('mirrors'), [], 'the workspace mirrors are used in Restricted Mode');
    assert.equal(config.get('probeTimeoutMs'), file['gomodDoctor.probeTimeoutMs'], 'the workspace settings file was not read at all');
  });

  it('commands that need trust refuse and say so, instead of acting', async () => {
    for (const [command, arg] of [
      ['gomodDoctor.switchProxy', { value: 'https://goproxy.cn', confirm: false }],
      ['gomodDoctor.setSumdb', { value: 'sum.golang.google.cn', confirm: false }],
      ['gomodDoctor.addPrivate', { value: 'git.example.com', confirm: false }],
      ['gomodDoctor.cleanModuleCache', { confirm: false }],
      ['gomodDoctor.cleanBuildCache', { planOnly: true }],
      ['gomodDoctor.pruneModuleCache', { planOnly: true }],
      ['gomodDoctor.runDownload', 'bad/go.mod'],
    ] as const) {
      const r = await run<{ status: string }>(command, arg);
      assert.equal(r?.status, 'untrusted', `${command}: ${JSON.stringify(r)}`);
    }
    // The server offers no commands when untrusted; stand-ins under its ids explain instead of "command not found".
    for (const command of ['gomodDoctor.recheck', 'gomodDoctor.undoEnvWrite', 'gomodDoctor.applyEnvFix', 'gomodDoctor.downloadSums']) {
      const r = await run<{ status: string }>(command);
      assert.equal(r?.status, 'refused', `${command}: ${JSON.stringify(r)}`);
    }
  });

  it('Show Go Environment and the health panel open, and say the environment is not read', async () => {
    const shown = await run<{ status: string; uri?: string }>('gomodDoctor.showEnv');
    assert.equal(shown?.status, 'shown', JSON.stringify(shown));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri);
    assert.ok(doc?.getText().includes('Restricted Mode'), doc?.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await run('gomodDoctor.showPanel');
    await pollFor(
      () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('gomodDoctor.health')) ? true : undefined),
      10_000,
      () => 'the health panel to open',
    );
  });
});
