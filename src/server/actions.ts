// Code actions for our diagnostics: env fixes run the server's applyEnvFix command (goenv's writer: shadow-aware,
// journaled, undoable); go.mod edits (upgrade, remove a replace) are WorkspaceEdits; the go.sum download runs go
// under the watchdog. The first fix of a module.* / gosum.* finding is the preferred one.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { moduleFixEdits, parseModuleFixId } from '../core/diagnose/modules';
import type { FixRef } from '../core/finding';
import { parseFixId } from '../core/goenv/fixid';
import { t } from '../core/i18n';
import { parseGoMod, parseGoWork } from '../core/modfile';
import { DIAGNOSTIC_SOURCE, SERVER_COMMANDS } from '../protocol';

const REPLACE_DIR_CODES = /^go(mod|work)\.replace-dir-(missing|no-gomod|module-mismatch)$/;

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** "Remove this replace" for a replacement directory that is missing or no module: the replace whose target is under the squiggle. */
function removeReplaceDirAction(doc: TextDocument, kind: 'go.mod' | 'go.work', d: Diagnostic): CodeAction | undefined {
  const text = doc.getText();
  const replaces = kind === 'go.mod' ? parseGoMod(text).replace : parseGoWork(text).replace;
  const r = replaces.find((x) => x.isDirectory && sameRange(x.new.path.range, d.range));
  if (!r) return undefined;
  const edit: TextEdit = { range: { start: { line: r.range.start.line, character: 0 }, end: { line: r.range.end.line + 1, character: 0 } }, newText: '' };
  return { title: t('module.fix.remove-replace'), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [edit] } } };
}

function actionFor(doc: TextDocument, kind: 'go.mod' | 'go.work', d: Diagnostic, fix: FixRef, preferred: boolean, trusted: boolean): CodeAction | undefined {
  const base = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred };
  if (parseFixId(fix.id)) {
    if (!trusted) return undefined; // go env -w runs go
    return { ...base, command: { title: fix.title, command: SERVER_COMMANDS.applyEnvFix, arguments: [fix.id] } };
  }
  const mf = parseModuleFixId(fix.id);
  if (!mf) return undefined; // net.* advice ids have no editor action (yet)
  if (mf.kind === 'download') {
    if (!trusted) return undefined;
    return { ...base, command: { title: fix.title, command: SERVER_COMMANDS.downloadSums, arguments: [`${mf.module}@${mf.version}`, doc.uri] } };
  }
  const edits = moduleFixEdits(mf, doc.getText(), kind);
  if (edits.length === 0) return undefined;
  return { ...base, edit: { changes: { [doc.uri]: edits } } };
}

export function codeActions(doc: TextDocument, kind: 'go.mod' | 'go.work' | 'go.sum', diagnostics: Diagnostic[], trusted: boolean): CodeAction[] {
  if (kind === 'go.sum') return [];
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const code = String(d.code ?? '');
    if (REPLACE_DIR_CODES.test(code)) {
      const a = removeReplaceDirAction(doc, kind, d);
      if (a) out.push(a);
      continue;
    }
    const fixes = ((d.data as { fixes?: FixRef[] } | undefined)?.fixes ?? []).filter((f) => typeof f?.id === 'string');
    const ours = /^(module|gosum)\./.test(code);
    fixes.forEach((f, i) => {
      const a = actionFor(doc, kind, d, f, ours && i === 0, trusted);
      if (a) out.push(a);
    });
  }
  return out;
}
