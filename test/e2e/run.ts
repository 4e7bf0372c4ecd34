// End-to-end tier: the packaged extension in a real VS Code (code-server) opened in Chromium.
//   1. package the .vsix with scripts/package.mjs (what `npm run package` runs) and check its size and contents;
//   2. install it into a fresh code-server with --install-extension, as a user would;
//   3. run the extension-host mocha suite (test/e2e/suite) in that VS Code through the `payload` URL mechanism,
//      with the installed folder as the development path so the packaged files are what runs;
//   4. open the workbench as a user, check the squiggle and the Problems panel, take screenshots;
//   5. the quick-fix round trip (quickfix/ in the workspace): before code-server starts, a stalled loopback GOPROXY is
//      put in the go env file and a loopback mirror in gomodDoctor.mirrors; the in-host suite applies and undoes the
//      fix, the UI checks screenshot the squiggle, its hover and the quick-fix menu. The other fixture folders hold
//      nothing the network rules look up (an invalid version, a directory replacement), so they stay offline.
//      HTTP(S)_PROXY point at a tripwire on loopback: whatever in code-server honours them and tries to leave the
//      machine is refused there and counted as a failure.
//   6. the health panel (panelUi): opened from the palette on the quick-fix scene, every section with real data, a go
//      env value made of markup (GONOSUMDB in the go env file) shown as text, light/dark screenshots, sorting, a row
//      opening its go.mod, a mirror switch confirmed in the modal turning the module's status to OK, undone again;
//      no CSP report from any frame (and a planted inline script is seen refused, so the watch works);
//   7. the panel in Chinese: a second code-server with --locale zh-cn and a minimal language pack (driver/chinese.ts).
//   8. Restricted Mode: a copy of the workspace untrusted — parsing only, nothing run or sent, trust-needing commands
//      hidden, then trusted from the trust editor (driver/restricted.ts).
//   Screenshots: test-output/screenshots/panel-{light,dark,confirm,switched,zh-cn}.png; docs/images/panel.png is
//   written when missing or with GOMOD_DOCTOR_UPDATE_DOCS_IMAGES=1.
// Writes {"passed","failed"} to $GOMOD_DOCTOR_STATS (in-host tests plus driver checks); exits non-zero on failure.
// Everything it starts is stopped and every temp dir removed on every path out, signals included.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseSettings, installVsix, makeSandbox, startCodeServer, useGoEnvFile, writeMachineSettings, writeSettings, type Sandbox } from './driver/codeServer';
import { startLoopbackProxies, type LoopbackProxies } from './driver/loopbackProxies';
import { onCleanup, processesMentioning, runCleanups, runProgram } from './driver/processes';
import { packageVsix, VSIX_LIMIT_BYTES, vsixContentProblems, zipEntries } from './driver/vsix';
import { chromiumPath, hoverOver, launchBrowser, openWorkbench, quickOpen, runSuiteInWorkbench, setColorTheme, type Workbench } from './driver/workbench';
import { runChinesePanelPhase } from './driver/chinese';
import { runRestrictedPhase } from './driver/restricted';
import { panelContent, panelFrame, runFromPalette, watchCsp } from './driver/panelPage';
import { DEFAULT_PROBE_MODULE } from '../../src/core/net/mirrors';

const root = join(__dirname, '..', '..', '..');
const outputDir = join(root, 'test-output');
const screenshotDir = join(outputDir, 'screenshots');
const logDir = join(outputDir, 'e2e');
const fixture = join(root, 'test', 'fixtures', 'e2e-workspace');
const suitePath = join(root, 'out', 'test', 'e2e', 'suite');
const EXTENSION_ID = 'gomod-doctor.gomod-doctor';
const OVERALL_TIMEOUT_MS = 12 * 60_000;
const SUITE_TIMEOUT_MS = 4 * 60_000;
const SQUIGGLE = '.view-overlays .cdr.squiggly-error';
/** The one module of the quick-fix fixture (quickfix/go.mod); only the loopback mirror serves it. */
const QUICKFIX_MODULE = 'example.com/healthy';
const QUICKFIX_VERSION = 'v1.0.0';
/** A go env value made of markup and script: the panel must show it as text (GONOSUMDB: no effect with GOSUMDB=off). */
const MARKUP_VALUE = 'example.invalid/<script>window.__pwned=1</script>,example.invalid/<img src=x onerror=window.__pwned=2>';

interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}
const checks: Check[] = [];
const started = Date.now();
/** This run's temp dir (unique, from mkdtemp): any process whose command line mentions it is ours. */
let runTmp = '';

function log(message: string): void {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

function check(name: string, ok: boolean, detail?: string): boolean {
  checks.push({ name, ok, detail });
  console.log(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

/** Runs one step; an exception becomes a failed check (and stops the run when fatal). */
async function attempt<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    check(name, false, (err as Error).message);
    throw new Stop();
  }
}
class Stop extends Error {}

function writeStats(): { passed: number; failed: number } {
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  if (process.env.GOMOD_DOCTOR_STATS) writeFileSync(process.env.GOMOD_DOCTOR_STATS, JSON.stringify({ passed, failed }));
  return { passed, failed };
}

async function ensureCodeServer(): Promise<string> {
  // Its progress lines go to stderr (shown live: a first install takes a couple of minutes); the folder to stdout.
  const r = await runProgram(process.execPath, [join(root, 'scripts', 'ensure-code-server.mjs')], {
    timeoutMs: 20 * 60_000,
    env: process.env,
    echo: true,
  });
  const dir = r.output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/'))
    .pop();
  if (!dir) throw new Error(`ensure-code-server printed no folder:\n${r.output}`);
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The fixture is what it claims: the real go loads good/ offline and refuses bad/go.mod at the require line. */
async function checkFixtureWithGo(workspace: string, sandbox: Sandbox): Promise<void> {
  // GOPROXY=off here: code-server's environment leaves GOPROXY to the go env file (the stalled proxy).
  const env = { ...sandbox.env, GOPROXY: 'off' };
  const good = await runProgram('go', ['list', '-m', 'all'], { cwd: join(workspace, 'good'), env, timeoutMs: 60_000, allowFailure: true });
  const bad = await runProgram('go', ['list', '-m', 'all'], { cwd: join(workspace, 'bad'), env, timeoutMs: 60_000, allowFailure: true });
  const lineNo = readFileSync(join(workspace, 'bad', 'go.mod'), 'utf8').split('\n').findIndex((l) => l.includes('master')) + 1;
  check('fixture: go accepts good/ offline', good.code === 0, good.code === 0 ? undefined : good.output.trim());
  const refused = bad.code !== 0 && bad.output.includes(`go.mod:${lineNo}`);
  check(`fixture: go refuses bad/go.mod:${lineNo}`, refused, refused ? undefined : bad.output.trim());
}

/** quickfix/ is what it claims: the real go loads its packages through the loopback mirror (downloading the module
 *  and checking it against go.sum), with go.sum accepted unchanged. A module cache of its own, so the language
 *  server in code-server cannot lean on what go downloaded here. (go list, not go build: compiling fmt into an empty
 *  build cache would cost a quarter of a minute.) */
async function checkQuickFixFixtureWithGo(workspace: string, sandbox: Sandbox, proxies: LoopbackProxies): Promise<void> {
  const dir = join(workspace, 'quickfix');
  const sumBefore = readFileSync(join(dir, 'go.sum'), 'utf8');
  const env = {
    ...sandbox.env,
    GOPROXY: proxies.mirror.url,
    GOSUMDB: 'off',
    GOFLAGS: '-mod=readonly -modcacherw',
    GOMODCACHE: join(sandbox.root, 'go', 'fixture-modcache'),
  };
  const listed = await runProgram('go', ['list', '-deps', '.'], { cwd: dir, env, timeoutMs: 60_000, allowFailure: true });
  const loaded = listed.code === 0 && listed.output.split('\n').includes(QUICKFIX_MODULE);
  const same = readFileSync(join(dir, 'go.sum'), 'utf8') === sumBefore;
  check(
    `fixture: go loads quickfix/ through the loopback mirror with its go.sum as is`,
    loaded && same,
    loaded ? (same ? undefined : 'go changed go.sum') : listed.output.trim(),
  );
}

interface SuiteResults {
  results: { title: string; state: string; durationMs?: number; error?: string }[];
  facts: Record<string, unknown>;
}

async function runInHostSuite(wb: Workbench, origin: string, workspace: string, extensionDir: string, resultsFile: string): Promise<SuiteResults | undefined> {
  log('running the extension-host suite in the workbench');
  const run = await runSuiteInWorkbench(wb, origin, workspace, extensionDir, suitePath, SUITE_TIMEOUT_MS, (line) => {
    if (process.env.GOMOD_DOCTOR_E2E_VERBOSE) console.log(`    ${line}`);
  });
  writeFileSync(join(logDir, 'workbench-suite.log'), run.log.join('\n') + '\n');
  if (!existsSync(resultsFile)) {
    check('the extension-host suite reported results', false, `exit ${run.exitCode}; workbench log in ${join(logDir, 'workbench-suite.log')}`);
    return undefined;
  }
  const parsed = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
  for (const r of parsed.results) {
    if (r.state === 'pending') continue;
    check(`in host: ${r.title}`, r.state === 'passed', r.state === 'passed' ? `${r.durationMs ?? 0} ms` : r.error);
  }
  const anyFailed = parsed.results.some((r) => r.state === 'failed');
  if (run.exitCode !== 0 && !anyFailed) check('the extension-host suite exited cleanly', false, `exit code ${run.exitCode}`);
  if (parsed.results.length === 0) check('the extension-host suite ran tests', false, 'no tests ran');
  return parsed;
}

async function failedUi(page: Page, name: string, err: unknown, shotName: string): Promise<void> {
  const shot = join(screenshotDir, shotName);
  await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => undefined);
  check(name, false, `${(err as Error).message.split('\n')[0]} (see ${shot}, ${join(logDir, 'workbench-ui.log')})`);
}

/** Looks at the editor as a user would (installed extension, no development options) and takes screenshots. */
async function checkUi(wb: Workbench, origin: string, workspace: string, proxies: LoopbackProxies, goenvFile: string): Promise<void> {
  log('opening the workbench as a user for the UI checks');
  const consoleLines: string[] = [];
  const page = await openWorkbench(wb, origin, workspace, consoleLines);
  mkdirSync(screenshotDir, { recursive: true });
  try {
    await diagnosticsUi(page, workspace);
    await quickFixUi(page, proxies);
    const panelStarted = Date.now();
    await panelUi(page, workspace, proxies, goenvFile);
    log(`panel checks took ${((Date.now() - panelStarted) / 1000).toFixed(1)} s`);
  } finally {
    writeFileSync(join(logDir, 'workbench-ui.log'), consoleLines.join('\n') + '\n');
    await page.close().catch(() => undefined);
  }
}

/** bad/go.mod: the squiggle, the Problems panel row, light and dark screenshots with the hover. */
async function diagnosticsUi(page: Page, workspace: string): Promise<void> {
  const badText = readFileSync(join(workspace, 'bad', 'go.mod'), 'utf8').split('\n');
  const line = badText.findIndex((l) => l.includes('require example.com/foo master'));
  const column = badText[line].indexOf('master');
  const failed = (name: string, err: unknown): Promise<void> => failedUi(page, name, err, 'failure-ui.png');
  await quickOpen(page, 'bad/go.mod');
  try {
    await page.locator(SQUIGGLE).first().waitFor({ state: 'visible', timeout: 30_000 });
    check('UI: the editor draws an error squiggle on bad/go.mod', true);
  } catch (err) {
    return await failed('UI: the editor draws an error squiggle on bad/go.mod', err);
  }

  await page.keyboard.press('Control+Shift+M');
  const where = `[Ln ${line + 1}, Col ${column + 1}]`;
  const row = page.locator('div[id="workbench.panel.markers"] .monaco-tl-contents', { hasText: 'gomod.version-invalid' }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    check('UI: the Problems panel lists gomod.version-invalid at the bad version', text.includes('gomod-doctor') && text.includes(where), text);
  } catch (err) {
    return await failed('UI: the Problems panel lists gomod.version-invalid at the bad version', err);
  }

  const shots: string[] = [];
  for (const [theme, name] of [
    ['Dark Modern', 'diagnostics-dark.png'],
    ['Light Modern', 'diagnostics-light.png'],
  ] as const) {
    await setColorTheme(page, theme);
    if (!(await hoverOver(page, SQUIGGLE, 'gomod.version-invalid'))) log(`no hover on the squiggle for ${name} (taken without it)`);
    const file = join(screenshotDir, name);
    await page.screenshot({ path: file });
    shots.push(file);
  }
  for (const s of shots) log(`screenshot ${s} (${Math.round(statSync(s).size / 1024)} KB)`);
  const docsImage = join(root, 'docs', 'images', 'diagnostics.png');
  // The README image changes only on request, so a test run leaves the tree clean.
  if (!existsSync(docsImage) || process.env.GOMOD_DOCTOR_UPDATE_DOCS_IMAGES) {
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    copyFileSync(shots[0], docsImage);
    log(`updated ${docsImage}`);
  }
}

/** quickfix/go.mod as a user meets it: the squiggle on the module path (the configured GOPROXY stalls), the hover
 *  that says where the module comes from, and Ctrl+. offering "Switch GOPROXY to <mirror>". Nothing is applied
 *  here (the in-host suite applies and undoes the fix); screenshots go to test-output/screenshots/quickfix-*.png. */
async function quickFixUi(page: Page, proxies: LoopbackProxies): Promise<void> {
  const failed = (name: string, err: unknown): Promise<void> => failedUi(page, name, err, 'failure-quickfix-ui.png');
  const shot = async (name: string): Promise<void> => {
    const file = join(screenshotDir, name);
    await page.screenshot({ path: file });
    log(`screenshot ${file} (${Math.round(statSync(file).size / 1024)} KB)`);
  };
  const squiggled = 'UI: quickfix/go.mod gets an error squiggle once the configured GOPROXY stalls';
  try {
    await quickOpen(page, 'quickfix/go.mod');
    // The stalled proxy takes the whole probe timeout (5 s) to fail.
    await page.locator(SQUIGGLE).first().waitFor({ state: 'visible', timeout: 30_000 });
    check(squiggled, true);
  } catch (err) {
    return failed(squiggled, err);
  }
  await page.mouse.move(5, 5);
  await shot('quickfix-squiggle.png');

  const hovered = 'UI: the hover on the squiggle shows module.unreachable and where the module is fetched from';
  if (!(await hoverOver(page, SQUIGGLE, 'module.unreachable'))) return failed(hovered, new Error('no hover with module.unreachable on the squiggle'));
  // The diagnostic's part shows first; the language server's hover (where the module comes from) joins it.
  const hover = page.locator('.monaco-hover', { hasText: 'module.unreachable' }).first();
  const fetchedFrom = `Fetched from ${proxies.stalledUrl}`;
  const hoverText = async () => (await hover.innerText({ timeout: 5_000 }).catch(() => '')).replace(/\s+/g, ' ');
  const deadline = Date.now() + 10_000;
  while (!(await hoverText()).includes(fetchedFrom) && Date.now() < deadline) await page.waitForTimeout(200);
  const text = await hoverText();
  const hoverOk = text.includes(QUICKFIX_MODULE) && text.includes(fetchedFrom);
  check(hovered, hoverOk, hoverOk ? undefined : text || 'the hover went away');
  await shot('quickfix-hover.png');

  const menu = 'UI: Ctrl+. on the squiggle opens the quick-fix menu with "Switch GOPROXY to <the loopback mirror>"';
  try {
    await page.keyboard.press('Escape');
    // Closing the hover re-renders the overlays: wait for the squiggle to be drawn again before taking its place.
    // It may be replaced again between the wait and the measure (no box then): measure again, a few times.
    const squiggle = page.locator(SQUIGGLE).first();
    let box: { x: number; y: number; width: number; height: number } | null = null;
    for (let i = 0; i < 10 && !box; i++) {
      await squiggle.waitFor({ state: 'visible', timeout: 5_000 });
      box = await squiggle.boundingBox({ timeout: 5_000 });
      if (!box) await page.waitForTimeout(200);
    }
    if (!box) throw new Error('the squiggle has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // the caret goes onto the module path
    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+.');
    const entry = page.locator('.action-widget .monaco-list-row', { hasText: `Switch GOPROXY to ${proxies.mirror.url}` }).first();
    await entry.waitFor({ state: 'visible', timeout: 15_000 });
    const rows = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    check(menu, true, rows.join(' | '));
  } catch (err) {
    return failed(menu, err);
  }
  await shot('quickfix-menu.png');
  await page.keyboard.press('Escape');
}

/** The health panel as a user meets it (test/e2e/suite/panel.test.ts checks the host side): opened from the palette
 *  on the quick-fix scene (the configured GOPROXY stalls, a loopback mirror is offered), every section with real
 *  data, a go env value made of markup shown as text, light and dark screenshots, sorting, a row opening its
 *  go.mod, then a mirror switch confirmed in the modal that turns the module's status to OK — and undone again.
 *  No CSP report from any frame throughout. Screenshots: test-output/screenshots/panel-*.png. */
async function panelUi(page: Page, workspace: string, proxies: LoopbackProxies, goenvFile: string): Promise<void> {
  const failed = (name: string, err: unknown): Promise<void> => failedUi(page, name, err, 'failure-panel-ui.png');
  const shot = async (name: string): Promise<string> => {
    const file = join(screenshotDir, name);
    await page.screenshot({ path: file });
    log(`screenshot ${file} (${Math.round(statSync(file).size / 1024)} KB)`);
    return file;
  };
  const csp = watchCsp(page);
  const panel = panelContent(page);
  const row = (module: string) => panel.locator(`#modules tr[data-module="${module}"]`);
  const mirror = proxies.mirror.url;
  const goenvBefore = readFileSync(goenvFile, 'utf8');
  try {
    const opened = 'UI: "Go Mod Doctor: Show Health Panel" opens the panel and it fills with the modules of the open go.mod files';
    try {
      await page.keyboard.press('Escape');
      await runFromPalette(page, 'View: Close Primary Side Bar');
      await runFromPalette(page, 'View: Hide Panel');
      await runFromPalette(page, 'Go Mod Doctor: Show Health Panel');
      await row(QUICKFIX_MODULE).waitFor({ state: 'visible', timeout: 30_000 });
      await runFromPalette(page, 'View: Join All Editor Groups'); // the panel alone, full width, for the screenshots
      check(opened, true);
    } catch (err) {
      return await failed(opened, err);
    }

    // The round that the panel's first request started: wait until nothing runs and both proxies have their row.
    const settled = 'UI: the probes finish and the panel shows every section with real data';
    const waits: Array<[string, string]> = [
      ['#probes tbody tr:nth-child(2)', 'a second probe row'],
      ['#root[aria-busy="false"]', 'the page not busy'],
      ['.progress:empty', 'no progress shown'],
    ];
    for (const [selector, what] of waits) {
      try {
        await panel.locator(selector).waitFor({ state: 'attached', timeout: 30_000 });
      } catch (err) {
        await panel.locator('#probes').scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
        const probes = (await panel.locator('#probes').innerText({ timeout: 2_000 }).catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
        return await failed(settled, new Error(`waiting for ${what}: ${(err as Error).message.split('\n')[0]}; probes section: ${probes}`));
      }
    }
    const text = async (selector: string): Promise<string> => (await panel.locator(selector).first().innerText({ timeout: 5_000 })).replace(/\s+/g, ' ');
    const moduleText = await text(`#modules tr[data-module="${QUICKFIX_MODULE}"]`);
    const envText = await text('#env tr[data-variable="GOPROXY"]');
    const stalledProbe = await text(`#probes tr[data-target="${proxies.stalledUrl}"]`);
    const mirrorProbe = await text(`#probes tr[data-target="${mirror}"]`);
    const segments = await panel.locator('#probes .timeline .seg').count();
    const cacheRows = await panel.locator('#cache tbody tr').count();
    const cacheText = await text('#cache tr[data-cache="modcache"]');
    const mirrorRow = await text(`#mirrors tr[data-mirror="${mirror}"]`);
    const state = await panel.locator('.badge').getAttribute('data-state');
    const facts = [
      ['the header says failing', state === 'failing', `state ${state}`],
      ['the stalled module row: version, route, Error, module.unreachable', ['v1.0.0', proxies.stalledUrl, 'Error', 'module.unreachable'].every((p) => moduleText.includes(p)), moduleText],
      ['GOPROXY comes from the go env file', envText.includes(proxies.stalledUrl) && envText.includes('go env file'), envText],
      ['the stalled proxy failed at http, the mirror probed', stalledProbe.includes('Failed at') && mirrorProbe.includes('compared'), `${stalledProbe} | ${mirrorProbe}`],
      ['the probe rows carry timelines', segments >= 2, `${segments} segments`],
      ['the cache rows', cacheRows >= 2 && cacheText.includes('GOMODCACHE') && /\d/.test(cacheText), `${cacheRows} rows: ${cacheText}`],
      ['the mirror row with its switch', mirrorRow.includes('Switch'), mirrorRow],
    ] as const;
    const missing = facts.filter(([, ok]) => !ok);
    check(settled, missing.length === 0, missing.map(([what, , detail]) => `${what}: ${detail}`).join('; ') || undefined);

    const frame = await panelFrame(page);
    const markup = 'UI: a go env value made of <script> and <img onerror> shows as text and runs nothing';
    const shown = await text('#env tr[data-variable="GONOSUMDB"]').catch((err: Error) => err.message);
    // (VS Code adds a script of its own to every webview page; none may hold what the env value carried.)
    const elements = await frame.evaluate(() => {
      const d = (globalThis as any).document;
      const planted = [...d.querySelectorAll('script')].filter((e: any) => (e.textContent ?? '').includes('__pwned')).length;
      return { img: d.querySelectorAll('img').length, planted, pwned: (globalThis as any).__pwned ?? null };
    });
    check(markup, shown.includes(MARKUP_VALUE) && elements.img === 0 && elements.planted === 0 && elements.pwned === null, `${shown} ${JSON.stringify(elements)}`);
    // From here on, also the page's own report of violations (the frame's document was written before we could listen).
    await frame.evaluate(() => {
      const g = globalThis as any;
      g.__cspSeen = [];
      g.document.addEventListener('securitypolicyviolation', (e: any) => g.__cspSeen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const policy: string = await frame.evaluate(() => (globalThis as any).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    const directives = new Map(policy.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    const strict =
      [...directives.keys()].join() === 'default-src,style-src,script-src,img-src' &&
      directives.get('default-src') === "'none'" &&
      /^'nonce-[A-Za-z0-9+/]+'$/.test(directives.get('script-src') ?? '') &&
      !/unsafe|data:|blob:/.test(policy);
    check('UI: the panel\'s page carries the strict CSP (default-src \'none\', a nonce for the script, nothing unsafe)', strict, policy);

    // Light first (diagnosticsUi left Light Modern on), then dark; the page follows the theme's colours.
    await page.mouse.move(5, 5);
    const light = await shot('panel-light.png');
    const colour = (): Promise<string> => frame.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).color);
    const lightFg = await colour();
    await setColorTheme(page, 'Dark Modern');
    await page.waitForTimeout(300); // the webview gets the new theme's variables just after the workbench
    const darkFg = await colour();
    const dark = await shot('panel-dark.png');
    check('UI: the panel follows the colour theme (light and dark screenshots)', lightFg !== darkFg, `text ${lightFg} → ${darkFg}; ${light}, ${dark}`);
    const docsImage = join(root, 'docs', 'images', 'panel.png');
    if (!existsSync(docsImage) || process.env.GOMOD_DOCTOR_UPDATE_DOCS_IMAGES) {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      copyFileSync(dark, docsImage);
      log(`updated ${docsImage}`);
    }

    const sorted = 'UI: clicks on the Module header sort by it, ascending then descending (aria-sort)';
    try {
      const header = panel.locator('th:has(button[data-key="sort-module"])');
      const before = await header.getAttribute('aria-sort');
      await panel.locator('button[data-key="sort-module"]').click();
      const first = await header.getAttribute('aria-sort');
      await panel.locator('button[data-key="sort-module"]').click();
      const second = await header.getAttribute('aria-sort');
      check(sorted, before === 'none' && first === 'ascending' && second === 'descending', `${before} → ${first} → ${second}`);
    } catch (err) {
      return await failed(sorted, err);
    }

    const line = readFileSync(join(workspace, 'quickfix', 'go.mod'), 'utf8').split('\n').findIndex((l) => l.startsWith(`require ${QUICKFIX_MODULE}`)) + 1;
    const jumped = `UI: a click on the module's row opens quickfix/go.mod at its require line (Ln ${line})`;
    try {
      await row(QUICKFIX_MODULE).locator('td').nth(2).click();
      const crumbs = page.locator('.breadcrumbs-control').filter({ hasText: /quickfix[\s\S]*go\.mod/ });
      await crumbs.first().waitFor({ state: 'visible', timeout: 10_000 });
      const selection = page.locator('[id="status.editor.selection"]');
      await selection.filter({ hasText: `Ln ${line},` }).waitFor({ timeout: 10_000 });
      check(jumped, true, await selection.innerText());
    } catch (err) {
      return await failed(jumped, err);
    }

    const switched = `UI: "Switch" on ${mirror} asks in a modal, writes the go env file, and the module's status turns OK`;
    try {
      await runFromPalette(page, 'Go Mod Doctor: Show Health Panel');
      await runFromPalette(page, 'View: Join All Editor Groups');
      const button = panel.locator('#mirrors').getByRole('button', { name: `Switch GOPROXY to ${mirror}` });
      await button.click({ timeout: 10_000 });
      const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'Change the Go environment?' });
      await dialog.waitFor({ state: 'visible', timeout: 15_000 });
      const dialogText = (await dialog.innerText()).replace(/\s+/g, ' ');
      await shot('panel-confirm.png');
      if (readFileSync(goenvFile, 'utf8') !== goenvBefore) throw new Error('the go env file changed before the confirmation');
      if (!dialogText.includes(mirror)) throw new Error(`the confirmation does not show the change: ${dialogText}`);
      const askedAt = Date.now();
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await row(QUICKFIX_MODULE).and(panel.locator('tr.row-ok')).waitFor({ timeout: 30_000 });
      const after = readFileSync(goenvFile, 'utf8');
      const ok = new RegExp(`^GOPROXY=${mirror.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},direct$`, 'm').test(after);
      check(switched, ok, `${dialogText} → OK after ${Date.now() - askedAt} ms; env file: ${after.split('\n')[0]}`);
      await page.mouse.move(5, 5);
      await frame.evaluate(() => (globalThis as any).scrollTo(0, 0));
      await shot('panel-switched.png');
    } catch (err) {
      return await failed(switched, err);
    }

    const undone = 'UI: "Go Mod Doctor: Undo Last Go Environment Change" restores the go env file exactly';
    try {
      await runFromPalette(page, 'Go Mod Doctor: Undo Last Go Environment Change');
      const deadline = Date.now() + 10_000;
      while (readFileSync(goenvFile, 'utf8') !== goenvBefore && Date.now() < deadline) await page.waitForTimeout(100);
      check(undone, readFileSync(goenvFile, 'utf8') === goenvBefore, readFileSync(goenvFile, 'utf8'));
    } catch (err) {
      return await failed(undone, err);
    }

    const seen = await frame.evaluate(() => (globalThis as any).__cspSeen as string[]).catch((err: Error) => [`(page gone: ${err.message})`]);
    check('UI: no CSP violation in any frame while the panel was used', csp.reports.length === 0 && seen.length === 0, [...csp.reports, ...seen].slice(0, 5).join(' | ') || undefined);
    // The watch itself works: an inline script in the panel's page is refused, and that refusal is seen.
    await frame.evaluate(() => {
      const d = (globalThis as any).document;
      const s = d.createElement('script');
      s.textContent = 'globalThis.__inlineRan = true';
      d.body.appendChild(s);
    });
    const deadline = Date.now() + 5_000;
    while (csp.reports.length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    const inlineRan = await frame.evaluate(() => (globalThis as any).__inlineRan === true);
    check('UI: the CSP watch sees a planted inline script being refused in the panel (and it did not run)', csp.reports.length > 0 && !inlineRan, csp.reports[0]);
  } finally {
    csp.stop();
    // A failure halfway must not leave the mirror configured.
    if (readFileSync(goenvFile, 'utf8') !== goenvBefore) writeFileSync(goenvFile, goenvBefore);
  }
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  rmSync(join(screenshotDir, 'failure-ui.png'), { force: true });
  rmSync(join(screenshotDir, 'failure-quickfix-ui.png'), { force: true });
  rmSync(join(screenshotDir, 'failure-panel-ui.png'), { force: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

  log('ensuring code-server and Chromium');
  const entry = await attempt('code-server is installed', ensureCodeServer);
  await attempt('Chromium is installed', async () => chromiumPath());

  log('packaging the extension (scripts/package.mjs)');
  const vsix = await attempt('npm run package builds the .vsix', () => packageVsix(root));
  const size = statSync(vsix).size;
  log(`vsix ${vsix}: ${size} bytes (${(size / 1024).toFixed(1)} KB)`);
  check(`the .vsix is at most 1.5 MB`, size <= VSIX_LIMIT_BYTES, `${(size / 1024).toFixed(1)} KB`);
  const problems = vsixContentProblems(zipEntries(vsix));
  check('the .vsix holds the three bundles and nothing outside the allowlist', problems.length === 0, problems.join(', ') || undefined);

  const tmp = mkdtempSync(join(tmpdir(), 'gomod-doctor-e2e-'));
  runTmp = tmp;
  onCleanup('temp dir', () => rmSync(tmp, { recursive: true, force: true }));
  const workspace = join(tmp, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  const sandbox = makeSandbox(tmp);
  const resultsFile = join(tmp, 'suite-results.json');
  sandbox.env.GOMOD_DOCTOR_E2E_RESULTS = resultsFile;

  // The quick-fix scene: GOPROXY (a stalled loopback listener) comes from the go env file, so that is where the
  // fix goes; the loopback mirror is the one gomodDoctor.mirrors offers. Both URLs go to the in-host suite.
  const proxies = await attempt('the loopback proxies start', () => startLoopbackProxies(QUICKFIX_MODULE, QUICKFIX_VERSION));
  // In the order `go env -w` keeps the file (sorted by name), so that a write and its undo give back the same bytes.
  const goenvFile = useGoEnvFile(sandbox, { GONOSUMDB: MARKUP_VALUE, GOPROXY: proxies.stalledUrl, GOSUMDB: 'off' });
  const goenvText = readFileSync(goenvFile, 'utf8');
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) sandbox.env[name] = proxies.tripwireUrl;
  sandbox.env.NO_PROXY = sandbox.env.no_proxy = '127.0.0.1,localhost';
  sandbox.env.GOMOD_DOCTOR_E2E_STALLED = proxies.stalledUrl;
  sandbox.env.GOMOD_DOCTOR_E2E_MIRROR = proxies.mirror.url;
  log(`stalled GOPROXY ${proxies.stalledUrl} (in ${goenvFile}), mirror ${proxies.mirror.url}`);
  writeSettings(sandbox, baseSettings('Default Dark Modern'));
  writeMachineSettings(sandbox, { 'gomodDoctor.mirrors': [proxies.mirror.url] });

  await attempt('fixture checks with go', () => checkFixtureWithGo(workspace, sandbox));
  await attempt('quickfix fixture check with go', () => checkQuickFixFixtureWithGo(workspace, sandbox, proxies));
  const mirrorAskedByGo = proxies.mirror.requests.length;

  log('installing the .vsix into code-server');
  const listed = await attempt('code-server installs the .vsix', () => installVsix(entry, sandbox, vsix));
  const extensionDir = join(sandbox.extensions, `${EXTENSION_ID}-${pkg.version}`);
  check(
    `code-server lists ${EXTENSION_ID}@${pkg.version} after --install-extension`,
    listed.includes(`${EXTENSION_ID}@${pkg.version}`) && existsSync(join(extensionDir, 'dist', 'extension.js')),
    listed.join(', ') || 'nothing listed',
  );

  log('starting code-server');
  const server = await attempt('code-server starts', () => startCodeServer(entry, sandbox));
  onCleanup('code-server log', () => writeFileSync(join(logDir, 'code-server.log'), server.output()));
  // VS Code's own logs (extension hosts, the extension's output channel "Go Mod Doctor") for a failure's post-mortem.
  onCleanup('VS Code logs', () => {
    rmSync(join(logDir, 'vscode-logs'), { recursive: true, force: true });
    if (existsSync(join(sandbox.userData, 'logs'))) cpSync(join(sandbox.userData, 'logs'), join(logDir, 'vscode-logs'), { recursive: true });
  });
  log(`code-server listens on ${server.origin}`);
  const wb = await attempt('Chromium starts', () => launchBrowser(sandbox.tmp));

  const suite = await attempt('the extension-host suite runs', () => runInHostSuite(wb, server.origin, workspace, extensionDir, resultsFile));
  if (suite?.facts.activationMs !== undefined) {
    log(`activation time seen in the real extension host: ${String(suite.facts.activationMs)} ms (VS Code ${String(suite.facts.vscodeVersion)})`);
  }
  if (suite?.facts.quickfixClearMs !== undefined) {
    log(`quick fix: module.unreachable cleared ${String(suite.facts.quickfixClearMs)} ms after the fix, back ${String(suite.facts.quickfixBackMs)} ms after the undo`);
  }
  await attempt('UI checks', () => checkUi(wb, server.origin, workspace, proxies, goenvFile));
  await runChinesePanelPhase({ root, entry, wb, sandbox, workspace, module: QUICKFIX_MODULE, screenshotDir, logDir, check, log });
  // Only quickfix/'s module may reach the loopback proxies: the other folders, as they are on disk, hold nothing the
  // network rules look up. Besides it, the probes (the panel's, the status bar's) ask each proxy for their
  // well-known module. One exception, and only at the stalled proxy: the in-host edit test puts
  // `example.com/foo v1.2.3` into bad/go.mod for a moment, and a lookup may start before its revert cancels it.
  const editedForAMoment = '/example.com/foo/@v/v1.2.3.info';
  const allowed = [`/${QUICKFIX_MODULE}/@`, `/${DEFAULT_PROBE_MODULE}/@`];
  const toMirror = proxies.mirror.requests.slice(mirrorAskedByGo).map((r) => r.path);
  const strays = [
    ...proxies.stalledRequests.filter((l) => !allowed.some((a) => l.includes(` ${a}`)) && !l.includes(` ${editedForAMoment} `)),
    ...toMirror.filter((p) => !allowed.some((a) => p.startsWith(a))),
  ];
  check(
    `only ${QUICKFIX_MODULE} (and the probes' ${DEFAULT_PROBE_MODULE}) was looked up through the loopback proxies`,
    strays.length === 0 && proxies.stalledRequests.length > 0 && toMirror.length > 0,
    strays.length ? strays.join(', ') : `${proxies.stalledRequests.length} requests to the stalled proxy, ${toMirror.length} to the mirror`,
  );
  check('the go env file ends as the run wrote it', readFileSync(goenvFile, 'utf8') === goenvText, readFileSync(goenvFile, 'utf8'));
  // 8. Restricted Mode: a copy of the workspace opened untrusted (driver/restricted.ts), then trusted.
  await attempt('restricted phase', () => runRestrictedPhase({ entry, wb, sandbox, extensionDir, fixture, proxies, screenshotDir, logDir, check, log }));
  check('the page sent no request off this machine', wb.blocked.length === 0, wb.blocked.slice(0, 5).join(', ') || undefined);
  check('nothing in code-server tried to leave this machine (HTTP(S)_PROXY tripwire)', proxies.tripped.length === 0, proxies.tripped.slice(0, 5).join(', ') || undefined);
  writeFileSync(join(logDir, 'summary.json'), JSON.stringify({ vsixBytes: size, facts: suite?.facts ?? {} }, null, 2) + '\n');
}

async function finish(code: number): Promise<never> {
  const marker = runTmp;
  await runCleanups(log);
  if (marker) {
    const left = processesMentioning(marker);
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    check('no process of this run is left behind', left.length === 0, left.map((p) => `${p.pid} ${p.cmd.slice(0, 120)}`).join('; ') || undefined);
  }
  const { passed, failed } = writeStats();
  log(`e2e: ${passed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)}s`);
  process.exit(code !== 0 || failed > 0 ? code || 1 : 0);
}

let finishing = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    if (finishing) return;
    finishing = true;
    log(`${signal}: stopping`);
    check('the run was not interrupted', false, signal);
    void finish(code);
  });
}
const overall = setTimeout(() => {
  if (finishing) return;
  finishing = true;
  check(`the e2e tier finishes within ${OVERALL_TIMEOUT_MS / 60_000} minutes`, false);
  void finish(1);
}, OVERALL_TIMEOUT_MS);

main()
  .then(() => 0)
  .catch((err: unknown) => {
    if (!(err instanceof Stop)) check('the e2e driver ran without an internal error', false, (err as Error).stack ?? String(err));
    return 1;
  })
  .then((code) => {
    clearTimeout(overall);
    if (finishing) return;
    finishing = true;
    void finish(code);
  });
