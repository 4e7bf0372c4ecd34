// The packaged extension in a real VS Code extension host: it activates, starts its language server, and the
// diagnostics a user sees on go.mod files are right (code, exact range, docs link) and follow edits.
// The workspace is test/fixtures/e2e-workspace: bad/ requires a branch name, good/ builds with the real go offline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { facts } from './facts';
import { DIAGNOSTIC_TIMEOUT_MS, EXTENSION_ID, extensionReady, open, show, waitForCode, waitForNoCode } from './host';
import { describeDiagnostics, pollFor } from './poll';

/** Reverts the active editor to the file on disk and checks it really is back. */
async function revertActive(editor: vscode.TextEditor, original: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await pollFor(
    () => (editor.document.getText() === original && !editor.document.isDirty ? true : undefined),
    10_000,
    () => `${vscode.workspace.asRelativePath(editor.document.uri)} to be reverted`,
  );
}

/** The docs link leads somewhere: a web page, or (offline docs) a file shipped in the package that explains code. */
async function assertDocsLinkWorks(target: vscode.Uri, code: string): Promise<void> {
  const link = target.toString();
  if (target.scheme === 'http' || target.scheme === 'https') {
    assert.ok(target.authority.length > 0, `docs link ${link} has no host`);
    return;
  }
  assert.equal(target.scheme, 'file', `docs link ${link} is neither a web page nor a file`);
  assert.ok(target.fragment.length > 0, `docs link ${link} names no section`);
  const bytes = await vscode.workspace.fs.readFile(target.with({ fragment: '' }));
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.includes(code), `${target.fsPath} does not explain ${code}`);
}

describe('Go Mod Doctor in a real VS Code extension host', () => {
  it('activates and starts its language server', async () => {
    const started = Date.now();
    const api = await extensionReady();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is not active');
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs is ${api.activationMs}`);
    facts.activationMs = api.activationMs;
    facts.serverReadyWaitMs = Date.now() - started;
    facts.vscodeVersion = vscode.version;
    console.log(`activation time seen in the real extension host: ${api.activationMs} ms (VS Code ${vscode.version})`);
  });

  it('marks a branch name used as a version on the version token, with a docs link', async () => {
    await extensionReady();
    const editor = await open('bad/go.mod');
    const doc = editor.document;
    assert.equal(doc.languageId, 'go.mod');
    // Where the bad token is, worked out from the fixture text itself.
    const line = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i)).find((l) => l.text.trim() === 'require example.com/foo master');
    assert.ok(line, 'fixture bad/go.mod lost its require line');
    const start = line.text.indexOf('master');
    const expected = new vscode.Range(line.lineNumber, start, line.lineNumber, start + 'master'.length);

    const d = await waitForCode(doc.uri, 'gomod.version-invalid');
    assert.equal(d.source, 'gomod-doctor');
    assert.ok(d.range.isEqual(expected), `range is ${show(d.range)}, expected ${show(expected)}`);
    assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, 'code carries no docs link');
    await assertDocsLinkWorks(d.code.target, 'gomod.version-invalid');
    assert.ok(/master|example\.com\/foo/.test(d.message), `message does not name the version or module: ${d.message}`);
  });

  it('drops the diagnostic when the version is fixed, and brings it back on revert', async () => {
    await extensionReady();
    const editor = await open('bad/go.mod');
    const original = editor.document.getText();
    const d = await waitForCode(editor.document.uri, 'gomod.version-invalid');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(editor.document.uri, d.range, 'v1.2.3');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
      await waitForNoCode(editor.document.uri, 'gomod.version-invalid');
    } finally {
      await revertActive(editor, original);
    }
    await waitForCode(editor.document.uri, 'gomod.version-invalid');
  });

  it('reports nothing on a healthy go.mod (go builds it offline)', async () => {
    await extensionReady();
    const editor = await open('good/go.mod');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    // First prove the server is looking at this document: a bad line gets flagged here too...
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(editor.document.lineCount, 0), '\nrequire example.com/foo master\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    try {
      await waitForCode(uri, 'gomod.version-invalid');
    } finally {
      await revertActive(editor, original);
    }
    // ...then the file as it is on disk must end up with no diagnostics at all.
    await pollFor(
      () => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined),
      DIAGNOSTIC_TIMEOUT_MS,
      () => `good/go.mod to have no diagnostics; it has ${describeDiagnostics(uri)}`,
    );
  });
});
