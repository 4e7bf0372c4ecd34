// The extension's commands in a real VS Code extension host, through their real paths to the language server.
// Pickers and modals are the only parts skipped: commands take programmatic arguments for that (see
// src/extension/envCommands.ts and cacheCommands.ts), and a UI call without arguments always asks the user.
// Runs first (file order) and opens no module file the quick-fix test measures; what it changes it restores.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CacheCommandResult } from '../../../src/extension/cacheCommands';
import type { DownloadCommandResult } from '../../../src/extension/downloadCommand';
import { apiWithStatus, fromDriver, GoEnvFile, run, underDriver } from './driverScene';
import { EXTENSION_ID, workspaceFile } from './host';

/** Every file under dir with its size, following no links. */
function filesUnder(dir: string): Array<{ path: string; size: number }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ path: string; size: number }> = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

/** A module version as the go command leaves it in GOMODCACHE: download files and the extracted tree. */
function plantModuleVersion(modcache: string, module: string, version: string): void {
  const dl = join(modcache, 'cache', 'download', ...module.split('/'), '@v');
  mkdirSync(dl, { recursive: true });
  writeFileSync(join(dl, `${version}.info`), JSON.stringify({ Version: version, Time: '2024-01-01T00:00:00Z' }));
  writeFileSync(join(dl, `${version}.mod`), `module ${module}\n`);
  writeFileSync(join(dl, `${version}.zip`), Buffer.alloc(40_000, 7));
  writeFileSync(join(dl, `${version}.ziphash`), 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  const tree = join(modcache, `${module}@${version}`);
  mkdirSync(tree, { recursive: true });
  writeFileSync(join(tree, 'go.mod'), `module ${module}\n`);
  writeFileSync(join(tree, 'x.go'), `package x\n\nconst Big = "${'x'.repeat(20_000)}"\n`);
}

describe('Go Mod Doctor commands in a real extension host', function () {
  this.timeout(120_000);
  let goenv: GoEnvFile;

  before(async function () {
    if (!underDriver()) this.skip();
    goenv = new GoEnvFile();
    await apiWithStatus();
  });

  after(async () => {
    if (goenv?.restore()) await vscode.commands.executeCommand('gomodDoctor.recheck');
  });

  it('registers every contributed command, and the server\'s own once it runs', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = ((ext?.packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length >= 14, `${contributed.length} contributed commands`);
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = [...contributed, 'gomodDoctor.applyEnvFix', 'gomodDoctor.downloadSums'].filter((id) => !all.has(id));
    assert.deepEqual(missing, [], `not registered: ${missing.join(', ')}`);
  });

  it('the status bar item is shown in this Go module workspace (the same watch sets the palette\'s when-clause key)', async () => {
    const api = await apiWithStatus();
    const deadline = Date.now() + 10_000;
    while (!api.status.shown && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(api.status.shown, 'the status bar item is hidden in a workspace with go.mod files');
    assert.ok(vscode.workspace.isTrusted, 'the e2e workspace is trusted');
  });

  it('Show Go Environment opens a markdown document with each variable, its value and its layer', async () => {
    const shown = await run<{ status: string; uri?: string }>('gomodDoctor.showEnv');
    assert.equal(shown?.status, 'shown', JSON.stringify(shown));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri);
    assert.ok(doc, 'the document is not open');
    try {
      assert.equal(doc.languageId, 'markdown');
      assert.equal(doc.isUntitled, true);
      const text = doc.getText();
      const stalled = fromDriver('GOMOD_DOCTOR_E2E_STALLED');
      const proxyRow = text.split('\n').find((l) => l.startsWith('| GOPROXY |'));
      assert.ok(proxyRow, `no GOPROXY row:\n${text}`);
      assert.ok(proxyRow.includes(stalled) && proxyRow.includes('envfile'), proxyRow);
      assert.ok(text.includes(goenv.path), `the go env file is not named:\n${text}`);
      assert.ok(text.split('\n').some((l) => l.startsWith('| GOMODCACHE |') && l.includes(fromDriver('GOMODCACHE'))), text);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Copy Diagnostic Report puts the server\'s report on the clipboard with a planted credential redacted', async () => {
    // The same stalled proxy, with credentials in its URL: the report must show the proxy without them.
    const stalled = new URL(fromDriver('GOMOD_DOCTOR_E2E_STALLED'));
    const secret = 'PLANTED-e2e-s3cret-7f3a';
    goenv.write(goenv.original.replace(/^GOPROXY=.*$/m, `GOPROXY=http://e2e-user:${secret}@${stalled.host}`));
    try {
      await run('gomodDoctor.recheck');
      let report = '';
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const copied = await run<{ status: string; chars?: number }>('gomodDoctor.copyReport');
        assert.equal(copied?.status, 'copied', JSON.stringify(copied));
        report = await vscode.env.clipboard.readText();
        assert.equal(report.length, copied.chars, 'the clipboard does not hold what the command copied');
        if (report.includes(`***@${stalled.host}`)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      assert.ok(report.includes(`***@${stalled.host}`), `the report never showed the redacted proxy:\n${report}`);
      assert.ok(!report.includes(secret) && !report.includes('e2e-user'), `the credential reached the clipboard:\n${report}`);
      assert.match(report, /^#/m, 'not a markdown report');
      assert.ok(report.includes('GOPROXY'), report);
    } finally {
      goenv.restore();
      await run('gomodDoctor.recheck');
      await vscode.env.clipboard.writeText('');
    }
  });

  it('the cache commands measure GOMODCACHE and GOCACHE (temp dirs of this run); Clean Module Cache removes exactly the plan', async () => {
    const modcache = fromDriver('GOMODCACHE');
    const gocache = fromDriver('GOCACHE');
    assert.ok(modcache.includes('gomod-doctor-e2e-'), `GOMODCACHE ${modcache} is not this run's temp dir`);
    plantModuleVersion(modcache, 'example.com/e2e-planted', 'v1.0.0');
    const files = filesUnder(modcache);
    // What the plan measures is disk usage, as du does: the blocks of every file and directory below the root.
    const du = execFileSync('du', ['-s', '-B1', modcache], { encoding: 'utf8' });
    const bytes = Number(du.split(/\s/)[0]) - lstatSync(modcache).blocks * 512;

    const planned = await run<CacheCommandResult>('gomodDoctor.cleanModuleCache', { planOnly: true });
    assert.equal(planned?.status, 'planned', JSON.stringify(planned));
    const plan = planned.plan!;
    assert.equal(plan.root, modcache);
    assert.equal(plan.bytes, bytes, `plan ${plan.bytes} bytes, du ${bytes} (${files.length} files of ${files.reduce((n, f) => n + f.size, 0)} bytes)`);
    assert.equal(plan.items, files.length);
    assert.equal(plan.complete, true);
    assert.ok(plan.planId, 'no plan id');
    assert.ok(plan.summary?.includes(modcache), plan.summary);

    // No go.mod of the workspace requires the planted version, so a prune would remove it.
    const prune = await run<CacheCommandResult>('gomodDoctor.pruneModuleCache', { planOnly: true });
    assert.equal(prune?.status, 'planned', JSON.stringify(prune));
    assert.equal(prune.plan?.root, modcache);
    assert.ok((prune.plan?.items ?? 0) >= 1 && (prune.plan?.bytes ?? 0) > 40_000, JSON.stringify(prune.plan));

    const build = await run<CacheCommandResult>('gomodDoctor.cleanBuildCache', { planOnly: true });
    assert.equal(build?.status, 'planned', JSON.stringify(build));
    assert.equal(build.plan?.root, gocache);

    const cleaned = await run<CacheCommandResult>('gomodDoctor.cleanModuleCache', { confirm: false });
    console.log(`clean module cache: ${cleaned?.status}, ${cleaned?.freedBytes} bytes freed of ${bytes}: ${cleaned?.message}`);
    assert.equal(cleaned?.status, 'done', JSON.stringify(cleaned));
    assert.equal(cleaned.freedBytes, bytes);
    assert.deepEqual(filesUnder(modcache), [], 'files are left in GOMODCACHE');
  });

  it('Run go mod download (watched): done for a module that needs nothing fetched; a broken go.mod comes back failed, translated', async () => {
    const good = await run<DownloadCommandResult>('gomodDoctor.runDownload', workspaceFile('good/go.mod'));
    assert.equal(good?.status, 'done', JSON.stringify(good));
    assert.ok(good.result?.message, 'no message');

    const dir = workspaceFile('zz-broken').fsPath;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'go.mod'), 'module example.com/broken\n\ngo 1.22\n\nrequire (\n\texample.com/x v1.0.0\n');
    try {
      const broken = await run<DownloadCommandResult>('gomodDoctor.runDownload', { uri: vscode.Uri.file(join(dir, 'go.mod')).toString() });
      console.log(`go mod download on a broken go.mod: ${broken?.status}: ${broken?.result?.message}`);
      assert.equal(broken?.status, 'failed', JSON.stringify(broken));
      assert.ok(broken.result?.message.includes('go.mod'), JSON.stringify(broken.result));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
