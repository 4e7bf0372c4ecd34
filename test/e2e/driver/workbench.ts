// The VS Code workbench in Debian's Chromium, driven by playwright-core: run the extension-host test suite through
// the `payload` URL parameter, and look at the editor like a user (squiggle, hover, Problems panel).
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onCleanup, withTimeout } from './processes';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const path = process.env.GOMOD_DOCTOR_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path} (install the Debian package chromium, or set GOMOD_DOCTOR_CHROMIUM)`);
  return path;
}

export interface Workbench {
  browser: Browser;
  context: BrowserContext;
  /** Requests the page tried to send off this machine (blocked). */
  blocked: string[];
}

/** Launches Chromium with a 1280x800 page size; every request that is not to loopback is refused and recorded. */
export async function launchBrowser(tmp: string): Promise<Workbench> {
  const browser = await withTimeout(
    chromium.launch({
      executablePath: chromiumPath(),
      env: { ...process.env, TMPDIR: tmp }, // Chromium's singleton sockets go there, not in /tmp
      args: CHROMIUM_ARGS,
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
    }),
    70_000,
    'Chromium launch',
  );
  onCleanup('chromium', () => withTimeout(browser.close(), 10_000, 'Chromium close').catch(() => undefined));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:') {
      return route.continue();
    }
    blocked.push(`${url.protocol}//${url.host}${url.pathname}`);
    return route.abort('blockedbyclient');
  });
  return { browser, context, blocked };
}

export interface SuiteRun {
  exitCode: number;
  log: string[];
}

/** Opens the workbench with extensionDevelopmentPath/extensionTestsPath and waits for codeAutomationExit. */
export async function runSuiteInWorkbench(
  wb: Workbench,
  origin: string,
  folder: string,
  extensionPath: string,
  testsPath: string,
  timeoutMs: number,
  echo: (line: string) => void,
): Promise<SuiteRun> {
  const authority = new URL(origin).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ['skipWelcome', 'true'],
  ];
  const url = `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const page = await wb.context.newPage();
  const log: string[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    // The workbench forwards console calls as (format string, ...values).
    const line = `[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`;
    log.push(line);
    echo(line);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
  page.on('pageerror', (err) => log.push(`[pageerror] ${err.message}`));
  try {
    await page.goto(url, { timeout: 60_000 });
    const exitCode = await withTimeout(exit, timeoutMs, 'the extension-host test suite');
    return { exitCode, log };
  } finally {
    await withTimeout(page.close(), 10_000, 'page close').catch(() => undefined);
  }
}

/** Opens the workbench as a user would (no development options) on folder. */
export async function openWorkbench(wb: Workbench, origin: string, folder: string, consoleLines: string[]): Promise<Page> {
  const page = await wb.context.newPage();
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}

/** Quick Open (Ctrl+P) a workspace-relative path and wait until the active editor's breadcrumbs show that path.
 *  Rows are matched on both the file name and its folder: several go.mod files share a name, and the list starts
 *  with recently opened files, so pressing Enter on the first row could open the wrong one. */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1];
  const dir = parts.slice(0, -1).join('/');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(relPath);
  let row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name });
  if (dir) row = row.filter({ hasText: dir });
  await row.first().click({ timeout: 30_000 });
  const crumbs = page.locator('.breadcrumbs-control');
  await crumbs.filter({ hasText: new RegExp(parts.map(escapeRegExp).join('[\\s\\S]*')) }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Picks a colour theme through the command palette, as a user does, and waits until the workbench wears it. */
export async function setColorTheme(page: Page, label: 'Light Modern' | 'Dark Modern'): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Preferences: Color Theme');
  await rows.filter({ hasText: /^Preferences: Color Theme/ }).first().click({ timeout: 10_000 });
  await rows.filter({ hasText: /Modern/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(label);
  await rows.filter({ hasText: new RegExp(`^${label}`) }).first().click({ timeout: 10_000 });
  const cls = label.startsWith('Light') ? 'vs' : 'vs-dark';
  await page.locator(`.monaco-workbench.${cls}`).waitFor({ state: 'attached', timeout: 20_000 });
}

/** Moves the mouse onto element and waits until a hover containing text has fully faded in. */
export async function hoverOver(page: Page, selector: string, text: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox({ timeout: 5_000 }).catch(() => null);
  if (!box) return false;
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover', { hasText: text }).first();
  try {
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(
      // Runs in the page; this project compiles without DOM types, hence the loose typing.
      (el: any) => {
        for (let e = el; e; e = e.parentElement) if ((globalThis as any).getComputedStyle(e).opacity !== '1') return false;
        return true;
      },
      await hover.elementHandle(),
      { timeout: 5_000 },
    );
    return true;
  } catch {
    return false;
  }
}
