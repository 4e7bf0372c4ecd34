// The VS Code workbench in Debian's Chromium, driven by playwright-core: run the extension-host test suite through
// the `payload` URL parameter, and look at the editor like a user (squiggle, hover, Problems panel).
import { existsSync } from 'node:fs';
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
export async function launchBrowser(): Promise<Workbench> {
  const browser = await withTimeout(
    chromium.launch({
      executablePath: chromiumPath(),
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
    const line = `[${type}] ${(Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`;
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
export async function openWorkbench(wb: Workbench, origin: string, folder: string): Promise<Page> {
  const page = await wb.context.newPage();
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}

/** Quick Open (Ctrl+P) a workspace-relative path, and wait until its editor tab is the active one. */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  const name = relPath.split('/').pop()!;
  await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(relPath);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 20_000 });
}
