// The panel's webview script in a real browser (Debian's Chromium through playwright-core), without VS Code: the
// page is the host's own HTML shell (panelHtml, with its CSP) served from a loopback origin, the script is bundled
// from src/webview by esbuild as the build does, and a stand-in for acquireVsCodeApi records what the page posts
// and keeps its state. The tests play the host's part of the protocol and look at the DOM.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeNonce, panelHtml } from '../../../src/extension/panel/html';
import type { HostMessage, PanelStrings } from '../../../src/extension/panel/messages';
import type { HealthSnapshot } from '../../../src/protocol';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/driver/workbench';
import { sampleSnapshot } from '../../unit/panel/snapshots';

const root = join(__dirname, '..', '..', '..', '..');

/** The panel's strings as the host builds them (src/extension/panel/strings.ts), in English or from the zh-cn bundle. */
function panelStrings(lang: 'en' | 'zh-cn'): PanelStrings {
  const src = readFileSync(join(root, 'src', 'extension', 'panel', 'strings.ts'), 'utf8');
  const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const m of src.matchAll(/(\w+): vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)',?\s*\)/g)) out[m[1]] = lang === 'en' ? m[2] : zh[m[2]];
  return out as unknown as PanelStrings;
}

interface Posted {
  type: string;
  id?: number;
  request?: { kind: string; [k: string]: unknown };
}

describe('health panel webview in Chromium (real CSP, bundled script, stand-in host)', function () {
  this.timeout(90_000);
  let dir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = '';
  let page: Page;
  let pageErrors: string[] = [];
  const en = panelStrings('en');

  before(async function () {
    try {
      chromiumPath();
    } catch (err) {
      this.skip(); // no Chromium on this machine: the e2e tier says so loudly; here the browser tests just do not run
    }
    dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-webview-'));
    await esbuild.build({
      entryPoints: [join(root, 'src', 'webview', 'main.ts')],
      outfile: join(dir, 'panel.js'),
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      tsconfig: join(root, 'src', 'webview', 'tsconfig.json'),
      logLevel: 'silent',
    });
    copyFileSync(join(root, 'media', 'panel.css'), join(dir, 'panel.css'));
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') {
        const html = panelHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: `${origin}/panel.js`, styleUri: `${origin}/panel.css`, lang: url.searchParams.get('lang') ?? 'en', title: 'panel' });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      } else if (url.pathname === '/panel.js' || url.pathname === '/panel.css') {
        const type = url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
        res.writeHead(200, { 'Content-Type': type }).end(readFileSync(join(dir, url.pathname.slice(1))));
      } else {
        res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end(); // the browser asks for an icon by itself
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the page with a stand-in VS Code API (state: what getState returns at first). */
  async function open(state?: unknown, lang = 'en'): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1100, height: 900 } });
    const p = await context.newPage();
    pageErrors = [];
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // Init scripts run before the page's own and are not subject to its CSP (as VS Code's own glue is not).
    await p.addInitScript((initial) => {
      const w = globalThis as any;
      w.__posted = [];
      w.__state = initial;
      w.__violations = [];
      w.document.addEventListener('securitypolicyviolation', (e: any) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => w.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => w.__state,
        setState: (s: unknown) => (w.__state = JSON.parse(JSON.stringify(s))),
      });
    }, state);
    await p.goto(`${origin}/?lang=${lang}`);
    return p;
  }

  /** Posts as the host does and resolves once the page has handled it (a listener added after the page's runs after it). */
  const host = (p: Page, m: HostMessage): Promise<void> =>
    p.evaluate(
      (msg) =>
        new Promise<void>((resolve) => {
          (globalThis as any).addEventListener('message', () => resolve(), { once: true });
          (globalThis as any).postMessage(msg, '*');
        }),
      m,
    );
  const posted = (p: Page): Promise<Posted[]> => p.evaluate(() => (globalThis as any).__posted);
  const savedState = (p: Page): Promise<any> => p.evaluate(() => (globalThis as any).__state);
  const violations = (p: Page): Promise<string[]> => p.evaluate(() => (globalThis as any).__violations);
  const moduleOrder = (p: Page): Promise<string[]> => p.locator('#modules tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-module') ?? ''));

  async function waitForRequest(p: Page, kind: string): Promise<Posted> {
    let found: Posted | undefined;
    const deadline = Date.now() + 5_000;
    while (!found && Date.now() < deadline) {
      found = (await posted(p)).find((m) => m.type === 'request' && m.request?.kind === kind);
      if (!found) await p.waitForTimeout(20);
    }
    assert.ok(found, `the page sent no ${kind} request; it sent ${JSON.stringify(await posted(p))}`);
    return found;
  }

  async function showSnapshot(snapshot: HealthSnapshot | null, strings = en, lang = 'en'): Promise<Page> {
    page = await open(undefined, lang);
    await host(page, { type: 'init', strings, lang });
    await host(page, { type: 'health', snapshot, serverRunning: true });
    return page;
  }

  afterEach(async function () {
    if (!page) return;
    const v = await violations(page).catch(() => [] as string[]);
    const errors = pageErrors;
    await page.context().close().catch(() => undefined);
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(v, [], 'CSP violations');
      assert.deepEqual(errors, [], 'errors in the page');
    }
  });

  it('says ready first and posts nothing else unasked; waits for the language server until a snapshot comes', async () => {
    page = await open();
    await page.waitForFunction(() => (globalThis as any).__posted.length > 0);
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    await host(page, { type: 'init', strings: en, lang: 'en' });
    await host(page, { type: 'health', snapshot: null, serverRunning: true });
    await page.getByText(en.waitingForServer).waitFor();
    assert.equal(await page.locator('#modules').isHidden(), true);
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
  });

  it('renders every section from the snapshot, with markup in values shown as text', async () => {
    const s = sampleSnapshot();
    await showSnapshot(s);
    await page.locator('#modules tbody tr').first().waitFor();
    assert.equal(await page.locator('.badge').innerText(), en.stateFailing);
    assert.equal(await page.locator('.reason').innerText(), s.overall.reason);
    assert.deepEqual(await moduleOrder(page), ['example.com/healthy', 'golang.org/x/mod', 'corp.example/<b>secret</b>']);
    assert.equal(await page.locator('#modules .count').innerText(), '3 of 3 modules');
    const first = await page.locator('#modules tbody tr').first().innerText();
    for (const part of ['example.com/healthy', 'v1.0.0', 'direct', 'http://127.0.0.1:9', 'Error', 'module.unreachable']) assert.ok(first.includes(part), `${part} in ${first}`);
    assert.equal(await page.locator('#env tbody tr').count(), 3);
    const gonosumdb = page.locator('#env tr[data-variable="GONOSUMDB"]');
    assert.ok((await gonosumdb.innerText()).includes('example.com/<img src=x onerror="window.__pwned=1">'));
    assert.ok((await gonosumdb.innerText()).includes('<script>window.__pwned=2</script>'));
    assert.ok((await page.locator('#env tr[data-variable="GOPROXY"]').innerText()).includes(en.layerEnvfile));
    assert.ok((await page.locator('#env tr[data-variable="GOPROXY"]').innerText()).includes('https://proxy.golang.org,direct'), 'shadowed value');
    assert.ok((await page.locator('#env tr[data-variable="GOPRIVATE"]').innerText()).includes(en.unset));
    assert.ok((await page.getByText('corp.example/<b>secret</b>').count()) > 0);
    // Nothing of the data became an element or ran.
    assert.equal(await page.locator('img, b, #env script, #modules script').count(), 0);
    assert.equal(await page.evaluate(() => (globalThis as any).__pwned), undefined);

    const probeRows = page.locator('#probes tbody tr');
    assert.equal(await probeRows.count(), 2);
    const widths = await page.locator('#probes tr[data-target="http://127.0.0.1:9"] .seg').evaluateAll((els) => els.map((e) => (e as any).style.width));
    assert.deepEqual(widths, ['1%', '99.98%']);
    assert.ok((await page.locator('#probes tr[data-target="http://127.0.0.1:9"]').innerText()).includes('Failed at HTTP after 5.00 s'));
    assert.ok((await page.locator('#probes tr[data-target="http://127.0.0.1:8"]').innerText()).includes('HTTP 200'));
    const bar = await page.locator('#probes tr[data-target="http://127.0.0.1:8"] .timeline').boundingBox();
    assert.ok(bar && bar.width > 100 && bar.height >= 8, `the timeline bar is drawn (${JSON.stringify(bar)}): the stylesheet loaded`);

    assert.equal(await page.locator('#mirrors tbody tr').count(), 2);
    assert.ok(await page.locator('#mirrors').getByRole('button', { name: 'Switch GOPROXY to http://127.0.0.1:8' }).isEnabled());
    assert.ok((await page.locator('#mirrors tr[data-mirror="http://127.0.0.1:9"]').innerText()).includes(en.inUse));
    assert.ok((await page.locator('#cache tr[data-cache="modcache"]').innerText()).includes('1.5 GB'));
    assert.ok((await page.locator('#cache tr[data-cache="gocache"]').innerText()).includes('at least 2.0 KB'));
    assert.ok((await page.locator('#findings').innerText()).includes('Run go mod tidy'));
    assert.equal(await page.locator('#findings button').count(), 1, 'only the env fix is a button');
  });

  it('sorts by a header button (mouse and keyboard), says so with aria-sort, keeps focus, and saves the sort', async () => {
    await showSnapshot(sampleSnapshot());
    const th = (key: string) => page.locator(`th:has(button[data-key="sort-${key}"])`);
    assert.equal(await th('status').getAttribute('aria-sort'), 'ascending');
    await page.locator('button[data-key="sort-module"]').click();
    assert.deepEqual(await moduleOrder(page), ['corp.example/<b>secret</b>', 'example.com/healthy', 'golang.org/x/mod']);
    assert.equal(await th('module').getAttribute('aria-sort'), 'ascending');
    assert.equal(await th('status').getAttribute('aria-sort'), 'none');
    await page.locator('button[data-key="sort-module"]').click();
    assert.deepEqual(await moduleOrder(page), ['golang.org/x/mod', 'example.com/healthy', 'corp.example/<b>secret</b>']);
    assert.equal(await th('module').getAttribute('aria-sort'), 'descending');

    await page.locator('button[data-key="sort-latency"]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await th('latency').getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.dataset.key), 'sort-latency', 'focus survives the re-render');
    assert.equal((await moduleOrder(page))[0], 'golang.org/x/mod', 'the only row with a latency comes first');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.dataset.key), 'sort-finding');
    assert.deepEqual((await savedState(page)).sort, { key: 'latency', dir: 'asc' });
  });

  it('filters rows as one types, with a count, and keeps the filter in the saved state', async () => {
    await showSnapshot(sampleSnapshot());
    await page.getByLabel(en.filterLabel).fill('golang');
    assert.deepEqual(await moduleOrder(page), ['golang.org/x/mod']);
    assert.equal(await page.locator('#modules .count').innerText(), '1 of 3 modules');
    await page.getByLabel(en.filterLabel).fill('nothing-like-this');
    assert.deepEqual(await moduleOrder(page), []);
    await page.getByText(en.modulesNoMatch).waitFor();
    await page.getByLabel(en.filterLabel).fill(en.statusError); // the label the row shows
    assert.deepEqual(await moduleOrder(page), ['example.com/healthy']);
    assert.equal((await savedState(page)).filter, en.statusError);
  });

  it('a row click asks the host to open the require line; the button waits for the answer', async () => {
    await showSnapshot(sampleSnapshot());
    await page.locator('#modules tr[data-module="golang.org/x/mod"] td').nth(2).click(); // not on the button
    const req = await waitForRequest(page, 'openModule');
    assert.deepEqual(req.request, { kind: 'openModule', uri: 'file:///w/app/go.mod', line: 5 });
    const open = page.getByRole('button', { name: 'Open the require line of golang.org/x/mod' });
    assert.ok(await open.isDisabled(), 'disabled while the host works');
    await host(page, { type: 'response', id: req.id!, ok: true });
    assert.ok(await open.isEnabled());
    // The keyboard path: the module's own button.
    await page.getByRole('button', { name: 'Open the require line of example.com/healthy' }).press('Enter');
    const all = (await posted(page)).filter((m) => m.request?.kind === 'openModule');
    assert.equal(all.length, 2, 'one request per activation');
    assert.deepEqual(all[1].request, { kind: 'openModule', uri: 'file:///w/app/go.mod', line: 2 });
  });

  it('a mirror switch sends its fix id and shows the host\'s answer; untrusted disables it and offers trust', async () => {
    await showSnapshot(sampleSnapshot());
    const sw = page.locator('#mirrors').getByRole('button', { name: 'Switch GOPROXY to http://127.0.0.1:8' });
    await sw.click();
    const req = await waitForRequest(page, 'applyFix');
    assert.deepEqual(req.request, { kind: 'applyFix', fixId: 'env:set:GOPROXY=http://127.0.0.1:8,direct' });
    assert.ok(await sw.isDisabled());
    await sw.click({ force: true }); // a second click while it runs sends nothing
    await host(page, { type: 'response', id: req.id!, ok: false, message: 'Nothing was changed. <i>x</i>' });
    assert.equal(await page.locator('.notice').innerText(), 'Nothing was changed. <i>x</i>');
    assert.equal((await posted(page)).filter((m) => m.request?.kind === 'applyFix').length, 1);

    await host(page, { type: 'health', snapshot: sampleSnapshot({ seq: 8, trusted: false, overall: { state: 'untrusted' } }), serverRunning: true });
    await page.getByText(en.untrustedBody).waitFor();
    assert.ok(await sw.isDisabled());
    for (const label of [en.cleanModuleCache, en.cleanBuildCache, en.pruneModuleCache]) assert.ok(await page.getByRole('button', { name: label }).isDisabled(), label);
    await page.getByRole('button', { name: en.manageTrust }).click();
    assert.deepEqual((await waitForRequest(page, 'command')).request, { kind: 'command', command: 'workbench.trust.manage' });
  });

  it('the header buttons and cache buttons send their requests', async () => {
    await showSnapshot(sampleSnapshot());
    await page.getByRole('button', { name: en.recheck }).click();
    await page.getByRole('button', { name: en.copyReport }).click();
    await page.getByRole('button', { name: en.saveReport }).click();
    await page.getByRole('button', { name: en.pruneModuleCache }).click();
    await waitForRequest(page, 'command');
    const kinds = (await posted(page)).filter((m) => m.type === 'request').map((m) => m.request);
    assert.deepEqual(kinds, [{ kind: 'recheck' }, { kind: 'copyReport' }, { kind: 'saveReport' }, { kind: 'command', command: 'gomodDoctor.pruneModuleCache' }]);
  });

  it('shows progress in a live region while checks run, and drops it when they end', async () => {
    await showSnapshot(sampleSnapshot({ overall: { state: 'checking' }, running: { modules: true, probes: true, cache: false, done: 2, total: 5 } }));
    const progress = page.locator('.progress');
    assert.equal(await progress.getAttribute('aria-live'), 'polite');
    assert.ok((await progress.innerText()).includes('Checking modules: 2 of 5'));
    assert.ok((await progress.innerText()).includes(en.progressProbes));
    assert.deepEqual(await page.locator('.progress progress').evaluate((e: any) => [e.value, e.max]), [2, 5]);
    assert.equal(await page.locator('#root').getAttribute('aria-busy'), 'true');
    await host(page, { type: 'health', snapshot: sampleSnapshot({ seq: 9 }), serverRunning: true });
    assert.equal(await progress.innerText(), '');
    assert.equal(await page.locator('#root').getAttribute('aria-busy'), 'false');
  });

  it('after a reload it shows the saved view at once, before the host answers', async () => {
    await showSnapshot(sampleSnapshot());
    await page.locator('button[data-key="sort-module"]').click();
    await page.getByLabel(en.filterLabel).fill('example');
    const state = await savedState(page);
    await page.context().close();
    page = await open(state);
    await page.locator('#modules tbody tr').first().waitFor();
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    assert.deepEqual(await moduleOrder(page), ['corp.example/<b>secret</b>', 'example.com/healthy']);
    assert.equal(await page.getByLabel(en.filterLabel).inputValue(), 'example');
  });

  it('renders the Chinese strings the host sends (zh-cn bundle)', async () => {
    const zh = panelStrings('zh-cn');
    await showSnapshot(sampleSnapshot(), zh, 'zh-cn');
    await page.locator('#modules tbody tr').first().waitFor();
    assert.equal(await page.evaluate(() => (globalThis as any).document.documentElement.lang), 'zh-cn');
    assert.equal(await page.locator('h1').innerText(), 'Go 模块健康状况');
    assert.equal(await page.locator('.badge').innerText(), '故障');
    assert.equal(await page.locator('#probes-title').innerText(), '代理和校验和数据库');
    assert.ok((await page.locator('#cache').innerText()).includes('模块缓存'));
    assert.equal(await page.locator('#modules .count').innerText(), '3/3 个模块');
  });
});
