// The restricted-mode phase of the e2e tier: a second code-server with workspace trust on (the main one runs with
// --disable-workspace-trust), opened on a copy of the fixture that plants a go path, mirrors and a probe timeout in
// .vscode/settings.json. Two parts:
//   1. the in-host suite test/e2e/restricted (parsing only, restricted settings ignored, commands refuse);
//   2. the workbench as a user sees it: our status bar item reads "Restricted", and the command palette lists the
//      commands that work untrusted but hides those that need trust. Screenshots: restricted-*.png.
// Nothing may reach the loopback proxies and the go env file must not change during the phase.
// Call once from test/e2e/run.ts after the UI checks:
//   await runRestrictedPhase({ entry, wb, sandbox, extensionDir, fixture, proxies, screenshotDir, logDir, check, log });
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseSettings, listeningPort, type Sandbox } from './codeServer';
import type { LoopbackProxies } from './loopbackProxies';
import { killGroup, onCleanup } from './processes';
import { openWorkbench, runSuiteInWorkbench, type Workbench } from './workbench';

export interface RestrictedPhaseOptions {
  /** code-server's out/node/entry.js. */
  entry: string;
  wb: Workbench;
  /** The main run's sandbox: its environment, config and extensions folder (the installed .vsix) are reused. */
  sandbox: Sandbox;
  /** The installed extension's folder (development path of the in-host suite, as in the main phase). */
  extensionDir: string;
  /** test/fixtures/e2e-workspace. */
  fixture: string;
  proxies: LoopbackProxies;
  screenshotDir: string;
  logDir: string;
  check: (name: string, ok: boolean, detail?: string) => boolean;
  log: (message: string) => void;
}

const SUITE_TIMEOUT_MS = 3 * 60_000;
/** Planted in the copy's .vscode/settings.json; restricted settings must not take effect untrusted. */
const PLANTED_SETTINGS = {
  'gomodDoctor.goPath': '/nonexistent/planted-by-the-workspace/go',
  'gomodDoctor.mirrors': ['http://127.0.0.1:9/planted-by-the-workspace'],
  'gomodDoctor.probeTimeoutMs': 1500,
};
/** Palette titles (category "Go Mod Doctor") that must show, and those that need trust and must not. */
const VISIBLE_UNTRUSTED = ['Show Health Panel', 'Show Go Environment', 'Copy Diagnostic Report', 'Show Log'];
const HIDDEN_UNTRUSTED = ['Re-run Checks', 'Switch GOPROXY…', 'Set GOSUMDB…', 'Add to GOPRIVATE…', 'Clean Module Cache…', 'Prune Module Cache…', 'Run go mod download (watched)'];

async function startUntrustedCodeServer(o: RestrictedPhaseOptions, userData: string, env: NodeJS.ProcessEnv): Promise<{ origin: string; stop: () => Promise<void>; output: () => string }> {
  // Like startCodeServer, without --disable-workspace-trust.
  const args = [
    o.entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--config', o.sandbox.config, '--user-data-dir', userData, '--extensions-dir', o.sandbox.extensions,
  ];
  const child = spawn(process.execPath, args, { env, cwd: o.sandbox.root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = onCleanup('restricted code-server', () => killGroup(child));
  const { port, output } = await listeningPort(child, 'restricted code-server start').catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { origin: `http://127.0.0.1:${port}`, stop, output };
}

/** The rows the command palette shows for a query (titles with their category). */
async function paletteRows(page: Page, query: string): Promise<string[]> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${query}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(300); // the list settles after the last keystroke
  return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The walkthrough opens from the palette with its four steps, and its first step's markdown renders. */
async function walkthrough(o: RestrictedPhaseOptions, page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const name = 'UI: the walkthrough "Fix slow or failing Go module downloads" shows its steps and their markdown';
  try {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click({ timeout: 10_000 });
    await input.fill('Fix slow or failing Go module downloads');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fix slow or failing Go module downloads' }).first().click({ timeout: 10_000 });
    const steps = ['Check your modules', 'Pick a mirror that answers', 'Keep private modules private', 'Clean the module cache'];
    for (const step of steps) await page.locator('.getting-started-step', { hasText: step }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const media = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('text=Every require line').first();
    await media.waitFor({ state: 'visible', timeout: 15_000 });
    await shot('walkthrough.png');
    o.check(name, true);
    await page.keyboard.press('Control+W');
  } catch (err) {
    await shot('walkthrough-failure.png');
    o.check(name, false, (err as Error).message.split('\n')[0]);
  }
}

/** Trusts the folder through the trust editor, as a user does; the server restarts trusted and the status item
 *  leaves "Restricted" (the checks then run: quickfix/go.mod is open and its GOPROXY stalls). */
async function grantTrust(o: RestrictedPhaseOptions, page: Page, onGrant: () => void, shot: (name: string) => Promise<void>): Promise<void> {
  const name = 'restricted, UI: trusting the folder restarts the server trusted; the status bar leaves "Restricted"';
  try {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Workspaces: Manage Workspace Trust');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Manage Workspace Trust' }).first().click({ timeout: 10_000 });
    const trust = page.locator('.workspace-trust-buttons .monaco-button', { hasText: /^Trust/ }).first();
    await trust.waitFor({ state: 'visible', timeout: 15_000 });
    onGrant();
    await trust.click();
    const item = page.locator('[aria-label^="Go Mod Doctor: "]').first();
    const deadline = Date.now() + 30_000;
    let label = '';
    while (Date.now() < deadline) {
      label = (await item.getAttribute('aria-label', { timeout: 5_000 }).catch(() => null)) ?? '';
      if (label && label !== 'Go Mod Doctor: Restricted') break;
      await page.waitForTimeout(200);
    }
    await shot('restricted-trusted.png');
    o.check(name, label !== '' && label !== 'Go Mod Doctor: Restricted', label || 'no status item');
  } catch (err) {
    await shot('restricted-trust-failure.png');
    o.check(name, false, (err as Error).message.split('\n')[0]);
  }
}

async function userView(o: RestrictedPhaseOptions, origin: string, workspace: string, onGrant?: () => void): Promise<void> {
  const lines: string[] = [];
  const page = await openWorkbench(o.wb, origin, workspace, lines);
  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(o.screenshotDir, name) }).catch(() => undefined);
  };
  try {
    const item = page.locator('[aria-label="Go Mod Doctor: Restricted"]').first();
    const shown = await item.waitFor({ state: 'visible', timeout: 60_000 }).then(
      () => true,
      () => false,
    );
    const text = shown ? (await item.innerText()).replace(/\s+/g, ' ').trim() : '';
    o.check('restricted, UI: the status bar item reads "Restricted"', shown && text === 'Restricted', text || 'not shown');
    await shot('restricted-statusbar.png');

    const rows = await paletteRows(page, 'Go Mod Doctor: ');
    const has = (title: string) => rows.some((r) => r.includes(`Go Mod Doctor: ${title}`));
    const missing = VISIBLE_UNTRUSTED.filter((t) => !has(t));
    const leaked = HIDDEN_UNTRUSTED.filter(has);
    o.check('restricted, UI: the palette lists the commands that work untrusted', missing.length === 0, missing.length ? `missing ${missing.join(', ')}; rows: ${rows.join(' | ')}` : rows.join(' | '));
    o.check('restricted, UI: the palette hides the commands that need trust', leaked.length === 0, leaked.join(', ') || undefined);
    await shot('restricted-palette.png');
    await page.keyboard.press('Escape');
    await walkthrough(o, page, shot);
    if (onGrant) await grantTrust(o, page, onGrant, shot);
  } finally {
    writeFileSync(join(o.logDir, 'restricted-ui.log'), lines.join('\n') + '\n');
    await page.close().catch(() => undefined);
  }
}

export async function runRestrictedPhase(o: RestrictedPhaseOptions): Promise<void> {
  o.log('restricted mode: a second code-server with workspace trust on');
  const base = join(o.sandbox.root, 'restricted');
  const userData = join(base, 'data');
  const workspace = join(base, 'workspace');
  const resultsFile = join(base, 'results.json');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(o.screenshotDir, { recursive: true });
  cpSync(o.fixture, workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(PLANTED_SETTINGS, null, 2) + '\n');
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        ...baseSettings('Default Light Modern'),
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.emptyWindow': false,
      },
      null,
      2,
    ) + '\n',
  );
  const env = { ...o.sandbox.env, GOMOD_DOCTOR_E2E_RESULTS: resultsFile, GOMOD_DOCTOR_E2E_RESTRICTED: '1' };
  const goenv = o.sandbox.env.GOENV!;
  const goenvBefore = existsSync(goenv) ? readFileSync(goenv, 'utf8') : '';
  const stalledBefore = o.proxies.stalledRequests.length;
  const mirrorBefore = o.proxies.mirror.requests.length;

  let stalledUntrusted: number | undefined;
  let mirrorUntrusted: number | undefined;
  const server = await startUntrustedCodeServer(o, userData, env);
  try {
    const suitePath = join(__dirname, '..', 'restricted');
    const run = await runSuiteInWorkbench(o.wb, server.origin, workspace, o.extensionDir, suitePath, SUITE_TIMEOUT_MS, () => undefined);
    writeFileSync(join(o.logDir, 'restricted-suite.log'), run.log.join('\n') + '\n');
    if (!existsSync(resultsFile)) {
      o.check('restricted: the in-host suite reported results', false, `exit ${run.exitCode}; see ${join(o.logDir, 'restricted-suite.log')}`);
    } else {
      const { results } = JSON.parse(readFileSync(resultsFile, 'utf8')) as { results: Array<{ title: string; state: string; durationMs?: number; error?: string }> };
      for (const r of results) {
        if (r.state !== 'pending') o.check(`restricted, in host: ${r.title}`, r.state === 'passed', r.state === 'passed' ? `${r.durationMs ?? 0} ms` : r.error);
      }
      o.check('restricted: the in-host suite ran tests', results.some((r) => r.state !== 'pending'), `${results.length} results`);
    }
    // Until the folder is trusted at the end, nothing may reach the proxies.
    await userView(o, server.origin, workspace, () => {
      stalledUntrusted = o.proxies.stalledRequests.length;
      mirrorUntrusted = o.proxies.mirror.requests.length;
    });
  } finally {
    writeFileSync(join(o.logDir, 'restricted-code-server.log'), server.output());
    await server.stop();
  }
  const stalled = o.proxies.stalledRequests.slice(stalledBefore, stalledUntrusted);
  const mirror = o.proxies.mirror.requests.slice(mirrorBefore, mirrorUntrusted).map((r) => r.path);
  o.check('restricted: nothing reached the loopback proxies', stalled.length + mirror.length === 0, [...stalled, ...mirror].join(', ') || undefined);
  o.check('restricted: the go env file did not change', (existsSync(goenv) ? readFileSync(goenv, 'utf8') : '') === goenvBefore);
}
