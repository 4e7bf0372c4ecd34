// The panel in Chinese in the real host: a second code-server started with --locale zh-cn, so that
// vscode.env.language is zh-cn in its extension host and the extension, its manifest and its language server all
// speak Chinese.
// Why a language pack: code-server resolves the display language from <user-data>/languagepacks.json, and without an
// entry for the locale it falls back to English (what `--locale zh-cn` alone gave). A minimal pack (a manifest with
// contributes.localizations and an empty translation file, built and packed here) is installed with
// --install-extension; that CLI install does not write languagepacks.json (VS Code's server writes it only for
// installs it performs itself), so the entry it would write is written here, pointing at the installed pack.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseSettings, listeningPort, installVsix, type Sandbox } from './codeServer';
import { panelContent, panelFrame, runFromPalette, watchCsp } from './panelPage';
import { killGroup, onCleanup, runProgram } from './processes';
import { openWorkbench, quickOpen, type Workbench } from './workbench';

const PACK = { publisher: 'gomod-doctor-test', name: 'zh-cn-minimal-language-pack', version: '1.0.0' };

export interface ChinesePhaseOptions {
  root: string;
  entry: string;
  wb: Workbench;
  sandbox: Sandbox;
  /** The main run's workspace (the quick-fix scene: its GOPROXY stalls). */
  workspace: string;
  /** The module of quickfix/go.mod, whose row the panel must show. */
  module: string;
  screenshotDir: string;
  logDir: string;
  check: (name: string, ok: boolean, detail?: string) => boolean;
  log: (message: string) => void;
}

/** Builds the pack's .vsix with vsce (offline, a second or two). */
async function buildLanguagePack(root: string, dir: string): Promise<string> {
  mkdirSync(join(dir, 'translations'), { recursive: true });
  const manifest = {
    ...PACK,
    displayName: 'zh-cn language pack for the Go Mod Doctor e2e tier (no translations of its own)',
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        { languageId: 'zh-cn', languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
      ],
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(dir, 'README.md'), 'Makes code-server resolve the zh-cn display language in tests.\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  const vsix = join(dir, 'pack.vsix');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  await runProgram(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, timeoutMs: 60_000, env: process.env });
  return vsix;
}

/** The entry VS Code's LanguagePacksCache writes for an installed pack (keyed by language id). */
function writeLanguagePacksJson(userData: string, extensions: string): void {
  const folder = readdirSync(extensions).find((n) => n.startsWith(`${PACK.publisher}.${PACK.name}-`));
  if (!folder) throw new Error(`the language pack is not in ${extensions}`);
  const id = `${PACK.publisher}.${PACK.name}`;
  const entry = {
    hash: createHash('md5').update(`${id}@${PACK.version}`).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version: PACK.version }],
    translations: { vscode: join(extensions, folder, 'translations', 'main.i18n.json') },
    label: '中文(简体)',
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }));
}

async function startChineseCodeServer(o: ChinesePhaseOptions, userData: string, extensions: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const args = [
    o.entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', '--locale', 'zh-cn',
    '--config', o.sandbox.config, '--user-data-dir', userData, '--extensions-dir', extensions,
  ];
  const child = spawn(process.execPath, args, { env: o.sandbox.env, cwd: o.sandbox.root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = (): string => '';
  const stop = onCleanup('zh-cn code-server', async () => {
    await killGroup(child);
    writeFileSync(join(o.logDir, 'zh-cn-code-server.log'), output());
  });
  const started = await listeningPort(child, 'zh-cn code-server start').catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  output = started.output;
  return { origin: `http://127.0.0.1:${started.port}`, stop };
}

async function chineseView(o: ChinesePhaseOptions, page: Page, showPanelTitle: string): Promise<void> {
  const shot = async (name: string): Promise<string> => {
    const file = join(o.screenshotDir, name);
    await page.screenshot({ path: file }).catch(() => undefined);
    return file;
  };
  const csp = watchCsp(page);
  try {
    const opened = `zh-cn, UI: "${showPanelTitle}" opens the panel in Chinese (vscode.env.language is zh-cn)`;
    try {
      await quickOpen(page, 'quickfix/go.mod');
      await runFromPalette(page, 'View: Close Primary Side Bar'); // the pack translates nothing of VS Code's own
      await runFromPalette(page, showPanelTitle);
      const panel = panelContent(page);
      await panel.locator(`#modules tr[data-module="${o.module}"]`).waitFor({ state: 'visible', timeout: 30_000 });
      await runFromPalette(page, 'View: Join All Editor Groups').catch(() => undefined);
      await panel.locator('#probes tbody tr').first().waitFor({ timeout: 30_000 });
      await panel.locator('.progress:empty').waitFor({ state: 'attached', timeout: 30_000 }); // empty: no height, never "visible"
      const frame = await panelFrame(page);
      const lang = await frame.evaluate(() => (globalThis as any).document.documentElement.lang as string);
      const title = await panel.locator('h1').innerText();
      const badge = await panel.locator('.badge').innerText();
      const row = panel.locator(`#modules tr[data-module="${o.module}"]`);
      const status = await row.locator('.status').innerText();
      const finding = (await row.locator('.finding-cell').innerText()).replace(/\s+/g, ' ');
      const sections = (await panel.locator('h2').allInnerTexts()).join(' | ');
      await page.mouse.move(5, 5);
      const file = await shot('panel-zh-cn.png');
      o.log(`screenshot ${file}`);
      // The page's labels come from the extension's zh-cn bundle; the finding's message from the server's catalogue.
      const chinese = /[\u4e00-\u9fff]/;
      o.check(
        opened,
        lang === 'zh-cn' && title === 'Go 模块健康状况' && badge === '故障' && sections.includes('代理和校验和数据库') && sections.includes('缓存') && status === '错误' && chinese.test(finding),
        `lang ${lang}; ${title}; ${badge}; ${sections}; ${status}; ${finding}`,
      );
    } catch (err) {
      await shot('failure-panel-zh-cn.png');
      o.check(opened, false, (err as Error).message.split('\n')[0]);
    }
    o.check('zh-cn, UI: no CSP violation in any frame', csp.reports.length === 0, csp.reports.slice(0, 3).join(' | ') || undefined);
  } finally {
    csp.stop();
  }
}

/** Runs the phase; every outcome is a check, nothing throws past it. */
export async function runChinesePanelPhase(o: ChinesePhaseOptions): Promise<void> {
  const started = Date.now();
  o.log('zh-cn: a second code-server with --locale zh-cn and a minimal language pack');
  // The checks read text; only the screenshot needs a font with Chinese glyphs (Debian: fonts-wqy-microhei).
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8', timeout: 10_000 });
  if (fonts.status === 0 && !fonts.stdout.trim()) o.log('no Chinese font installed: panel-zh-cn.png will show boxes (apt-get install fonts-wqy-microhei)');
  const base = join(o.sandbox.root, 'zh-cn');
  const userData = join(base, 'data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  // The main run's settings (the mirror setting is a machine one), in the light theme for the screenshot.
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(baseSettings('Default Light Modern'), null, 2) + '\n');
  cpSync(join(o.sandbox.userData, 'Machine'), join(userData, 'Machine'), { recursive: true });
  cpSync(o.sandbox.extensions, extensions, { recursive: true }); // our installed extension, untouched by the main server
  const manifestNls = JSON.parse(readFileSync(join(o.root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  const showPanelTitle = `Go Mod Doctor: ${manifestNls['command.showPanel']}`;
  let stop: (() => Promise<void>) | undefined;
  const lines: string[] = [];
  let page: Page | undefined;
  try {
    const vsix = await buildLanguagePack(o.root, join(base, 'pack'));
    await installVsix(o.entry, { ...o.sandbox, userData, extensions }, vsix);
    writeLanguagePacksJson(userData, extensions);
    const server = await startChineseCodeServer(o, userData, extensions);
    stop = server.stop;
    page = await openWorkbench(o.wb, server.origin, o.workspace, lines);
    await chineseView(o, page, showPanelTitle);
  } catch (err) {
    o.check('zh-cn: the Chinese code-server phase ran', false, (err as Error).message.split('\n')[0]);
  } finally {
    writeFileSync(join(o.logDir, 'zh-cn-ui.log'), lines.join('\n') + '\n');
    await page?.close().catch(() => undefined);
    await stop?.();
    o.log(`zh-cn phase took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
