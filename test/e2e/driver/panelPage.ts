// Looking at the health panel as a user does, in the workbench page: commands through the palette, the webview's
// content through its nested frames (VS Code puts a webview in an iframe whose #active-frame holds the page), and
// every Content Security Policy report from any frame, collected from the browser console.
import type { Frame, FrameLocator, Page } from 'playwright-core';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** F1, the command's full label ("Category: Title"), then a click on that row: a command run as a user runs it.
 *  The palette lists what the when-clauses allowed when it opened, so a command that is not there yet (its
 *  context key set a moment after activation) gets a second try with the palette opened again. */
export async function runFromPalette(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) }).first();
  let last: unknown;
  // (An editor that takes the focus just as the palette opens closes it again: that is a retry too.)
  for (const wait of [5_000, 10_000, 15_000]) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${label}`, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: wait });
      return await row.click({ timeout: 5_000 });
    } catch (err) {
      last = err;
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`the command palette offered no "${label}": ${(last as Error).message.split('\n')[0]}`);
}

/** The panel's document, for locators (waits and clicks like any other part of the page). */
export function panelContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The frame holding the panel's document, for evaluating in it; waits until the page is there. */
export async function panelFrame(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if ((await f.locator('main#root').count().catch(() => 0)) > 0) return f;
    }
    if (Date.now() > deadline) throw new Error(`no frame holds the panel's page (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
    await page.waitForTimeout(200);
  }
}

export interface CspWatch {
  /** "frame url: message" of every CSP report seen in the console since the watch started. */
  reports: string[];
  stop(): void;
}

/** Collects the browser's CSP reports ("Refused to … because it violates the following Content Security Policy
 *  directive …"), which Chromium logs to the console of the frame concerned, whatever frame that is. */
export function watchCsp(page: Page): CspWatch {
  const reports: string[] = [];
  const onConsole = (m: { text(): string; location(): { url: string } }): void => {
    if (/Content Security Policy/i.test(m.text())) reports.push(`${m.location().url}: ${m.text()}`);
  };
  page.on('console', onConsole);
  return { reports, stop: () => page.off('console', onConsole) };
}
