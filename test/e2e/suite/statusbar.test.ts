// The status bar item and the language status item in a real VS Code extension host, in each state the fixture can
// produce: failing (quickfix/go.mod's module only through the stalled GOPROXY), checking (a round under way after
// Re-run Checks), healthy (after "Switch GOPROXY…" to the loopback mirror — the command's own path, driven with its
// programmatic arguments instead of the picker and the modal), and failing again after the undo.
// Runs after quickfix.test.ts (file order), so the timings that test measures are not disturbed by this one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apiWithStatus, fromDriver, GoEnvFile, run, underDriver, type ApiWithStatus } from './driverScene';
import { open } from './host';
import { pollFor } from './poll';

const PROBE_TIMEOUT_MS = 5_000;
const FILE = 'quickfix/go.mod';

interface EnvCommandResult {
  status: string;
  changes?: string[];
  message?: string;
}

function tooltipText(item: vscode.StatusBarItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

describe('Go Mod Doctor status bar in a real extension host', function () {
  this.timeout(8 * PROBE_TIMEOUT_MS + 60_000);
  let api: ApiWithStatus;
  let stalledHost = '';
  let mirror = '';
  let goenv: GoEnvFile;

  /** Waits until the status bar text satisfies test; fails with the texts it went through. */
  async function statusUntil(test: (text: string) => boolean, timeoutMs: number, what: string): Promise<string> {
    const seen: string[] = [];
    return pollFor(
      () => {
        const text = api.status.item.text;
        if (seen[seen.length - 1] !== text) seen.push(text);
        return test(text) ? text : undefined;
      },
      timeoutMs,
      () => `the status bar to show ${what}; it showed: ${seen.join(' → ')}`,
      50,
    );
  }

  before(async function () {
    if (!underDriver()) this.skip();
    stalledHost = new URL(fromDriver('GOMOD_DOCTOR_E2E_STALLED')).host;
    mirror = fromDriver('GOMOD_DOCTOR_E2E_MIRROR');
    goenv = new GoEnvFile();
    api = await apiWithStatus();
  });

  after(async () => {
    // A failure halfway must not leave the mirror in the go env file for the UI checks that follow.
    if (goenv?.restore()) await vscode.commands.executeCommand('gomodDoctor.recheck');
  });

  it('is shown in a Go module workspace; both items lead to the health panel', async () => {
    await pollFor(() => (api.status.shown ? true : undefined), 10_000, () => 'the status bar item to be shown');
    assert.equal(api.status.item.command, 'gomodDoctor.showPanel');
    assert.equal(api.status.item.name, 'Go Mod Doctor');
    assert.equal(api.status.item.alignment, vscode.StatusBarAlignment.Left);
    assert.equal(api.status.language.command?.command, 'gomodDoctor.showPanel');
    const selectors = ([] as vscode.DocumentSelector[]).concat(api.status.language.selector).flat() as vscode.DocumentFilter[];
    assert.deepEqual(selectors.map((s) => s.language).sort(), ['go.mod', 'go.work']);
  });

  it('failing: an error naming the stalled GOPROXY host, with the details in the tooltip', async () => {
    await open(FILE);
    const text = await statusUntil((t) => t.startsWith('$(error) ') && t.includes(stalledHost), 3 * PROBE_TIMEOUT_MS + 15_000, `an error naming ${stalledHost}`);
    console.log(`status bar, failing: ${text}`);
    const tooltip = tooltipText(api.status.item);
    assert.ok(tooltip.includes(stalledHost), `the tooltip does not name ${stalledHost}: ${tooltip}`);
    assert.ok(tooltip.includes('GOPROXY'), `the tooltip does not show GOPROXY: ${tooltip}`);
    assert.equal(api.status.language.severity, vscode.LanguageStatusSeverity.Error);
    assert.ok(api.status.language.text.startsWith('Failing'), api.status.language.text);
    assert.ok(api.status.language.detail?.includes(`GOPROXY=http://${stalledHost}`), api.status.language.detail);
    assert.equal(api.status.language.busy, false);
  });

  it('checking: "Re-run Checks" shows the spinner (and a busy language item) while the round runs, then the verdict again', async () => {
    await statusUntil((t) => t.startsWith('$(error) '), 3 * PROBE_TIMEOUT_MS, 'the failing state first');
    const started = Date.now();
    await run('gomodDoctor.recheck');
    // The stalled proxy holds the round for the whole probe timeout, so the spinner has time to be seen.
    const spinning = await statusUntil((t) => t.startsWith('$(sync~spin) '), PROBE_TIMEOUT_MS, 'the spinner');
    console.log(`status bar, checking (${Date.now() - started} ms after Re-run Checks): ${spinning}`);
    assert.ok(/Checking Go modules…/.test(spinning), spinning);
    assert.equal(api.status.language.busy, true);
    await statusUntil((t) => t.startsWith('$(error) ') && t.includes(stalledHost), 3 * PROBE_TIMEOUT_MS + 10_000, 'the failing state after the round');
    assert.equal(api.status.language.busy, false);
  });

  it('degraded, then healthy: "Switch GOPROXY…" to the loopback mirror (it serves the module, not the probes\' well-known one), then probes off; undo fails again', async () => {
    const result = await run<EnvCommandResult>('gomodDoctor.switchProxy', { value: mirror, confirm: false });
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    assert.ok(result.changes?.some((c) => c.includes('GOPROXY') && c.includes(mirror)), `the preview did not show the change: ${JSON.stringify(result.changes)}`);
    assert.match(goenv.read(), new RegExp(`^GOPROXY=${mirror.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},direct$`, 'm'));

    // The module comes through the mirror now; its probe finds no golang.org/x/mod there: degraded, naming it.
    const mirrorHost = new URL(mirror).host;
    const degraded = await statusUntil((t) => t.startsWith('$(warning) ') && t.includes(mirrorHost), 3 * PROBE_TIMEOUT_MS, `a warning naming ${mirrorHost}`);
    console.log(`status bar, degraded: ${degraded}`);
    assert.equal(api.status.language.severity, vscode.LanguageStatusSeverity.Warning);

    // gomodDoctor.networkProbes off restarts the server; with only the module checks, all is well.
    const settings = vscode.workspace.getConfiguration('gomodDoctor');
    await settings.update('networkProbes', false, vscode.ConfigurationTarget.Global);
    try {
      const healthy = await statusUntil((t) => t === '$(check) Go modules', 3 * PROBE_TIMEOUT_MS + 10_000, 'the healthy state');
      console.log(`status bar, healthy: ${healthy}`);
      assert.equal(api.status.language.severity, vscode.LanguageStatusSeverity.Information);
      assert.equal(api.status.language.text, 'Healthy');
      assert.ok(tooltipText(api.status.item).includes(mirror), tooltipText(api.status.item));
    } finally {
      await settings.update('networkProbes', undefined, vscode.ConfigurationTarget.Global);
    }
    // Probes on again (another restart): the mirror's probe warning is back.
    await statusUntil((t) => t.startsWith('$(warning) ') && t.includes(mirrorHost), 3 * PROBE_TIMEOUT_MS + 10_000, 'the degraded state with probes on again');
    await (await apiWithStatus()).serverReady;

    const undone = await run<{ status: string }>('gomodDoctor.undoEnvWrite');
    assert.equal(undone?.status, 'restored', JSON.stringify(undone));
    assert.equal(goenv.read(), goenv.original, 'undo did not restore the go env file exactly');
    await statusUntil((t) => t.startsWith('$(error) ') && t.includes(stalledHost), 3 * PROBE_TIMEOUT_MS + 10_000, 'the failing state after the undo');
  });
});
