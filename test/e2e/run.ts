// End-to-end tier: the packaged extension in a real VS Code (code-server) opened in Chromium.
//   1. package the .vsix with scripts/package.mjs (what `npm run package` runs) and check its size and contents;
//   2. install it into a fresh code-server with --install-extension, as a user would;
//   3. run the extension-host mocha suite (test/e2e/suite) in that VS Code through the `payload` URL mechanism,
//      with the installed folder as the development path so the packaged files are what runs;
//   4. open the workbench as a user, check the squiggle and the Problems panel, take screenshots.
// Writes {"passed","failed"} to $GOMOD_DOCTOR_STATS (in-host tests plus driver checks); exits non-zero on failure.
// Everything it starts is stopped and every temp dir removed on every path out, signals included.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseSettings, installVsix, makeSandbox, startCodeServer, writeSettings, type Sandbox } from './driver/codeServer';
import { onCleanup, processesMentioning, runCleanups, runProgram } from './driver/processes';
import { packageVsix, VSIX_LIMIT_BYTES, vsixContentProblems, zipEntries } from './driver/vsix';
import { chromiumPath, hoverOver, launchBrowser, openWorkbench, quickOpen, runSuiteInWorkbench, setColorTheme, type Workbench } from './driver/workbench';

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
  const good = await runProgram('go', ['list', '-m', 'all'], { cwd: join(workspace, 'good'), env: sandbox.env, timeoutMs: 60_000, allowFailure: true });
  const bad = await runProgram('go', ['list', '-m', 'all'], { cwd: join(workspace, 'bad'), env: sandbox.env, timeoutMs: 60_000, allowFailure: true });
  const lineNo = readFileSync(join(workspace, 'bad', 'go.mod'), 'utf8').split('\n').findIndex((l) => l.includes('master')) + 1;
  check('fixture: go accepts good/ offline', good.code === 0, good.code === 0 ? undefined : good.output.trim());
  const refused = bad.code !== 0 && bad.output.includes(`go.mod:${lineNo}`);
  check(`fixture: go refuses bad/go.mod:${lineNo}`, refused, refused ? undefined : bad.output.trim());
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

/** Looks at the editor as a user would (installed extension, no development options) and takes screenshots. */
async function checkUi(wb: Workbench, origin: string, workspace: string): Promise<void> {
  log('opening the workbench as a user for the UI checks');
  const consoleLines: string[] = [];
  const page = await openWorkbench(wb, origin, workspace, consoleLines);
  const badText = readFileSync(join(workspace, 'bad', 'go.mod'), 'utf8').split('\n');
  const line = badText.findIndex((l) => l.includes('require example.com/foo master'));
  const column = badText[line].indexOf('master');
  mkdirSync(screenshotDir, { recursive: true });
  const failed = async (name: string, err: unknown): Promise<void> => {
    const shot = join(screenshotDir, 'failure-ui.png');
    await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => undefined);
    check(name, false, `${(err as Error).message.split('\n')[0]} (see ${shot}, ${join(logDir, 'workbench-ui.log')})`);
  };
  try {
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
  } finally {
    writeFileSync(join(logDir, 'workbench-ui.log'), consoleLines.join('\n') + '\n');
    await page.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  rmSync(join(screenshotDir, 'failure-ui.png'), { force: true });
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
  writeSettings(sandbox, baseSettings('Default Dark Modern'));

  await attempt('fixture checks with go', () => checkFixtureWithGo(workspace, sandbox));

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
  log(`code-server listens on ${server.origin}`);
  const wb = await attempt('Chromium starts', () => launchBrowser(sandbox.tmp));

  const suite = await attempt('the extension-host suite runs', () => runInHostSuite(wb, server.origin, workspace, extensionDir, resultsFile));
  if (suite?.facts.activationMs !== undefined) {
    log(`activation time seen in the real extension host: ${String(suite.facts.activationMs)} ms (VS Code ${String(suite.facts.vscodeVersion)})`);
  }
  await attempt('UI checks', () => checkUi(wb, server.origin, workspace));
  check('the page sent no request off this machine', wb.blocked.length === 0, wb.blocked.slice(0, 5).join(', ') || undefined);
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
