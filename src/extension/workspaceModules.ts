// Which go.mod / go.work files the workspace holds: whether to show the status bar at all (and the commands, through
// the context key gomodDoctor.moduleWorkspace), which go.mod "Run go mod download" offers, and the module paths
// "Add to GOPRIVATE…" suggests from.
import * as vscode from 'vscode';
import { moduleDirective } from './pickers';

export const CONTEXT_KEY = 'gomodDoctor.moduleWorkspace';
const MODULE_FILES = '**/{go.mod,go.work}';
/** Where go.mod files are not modules of this workspace (dependencies, test data, build output). */
const EXCLUDE = '**/{node_modules,vendor,testdata,.git,out,dist}/**';

export async function findGoModFiles(max = 50): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles('**/go.mod', EXCLUDE, max);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The module paths declared by the workspace's go.mod files. */
export async function ownModulePaths(max = 50): Promise<string[]> {
  const paths: string[] = [];
  for (const uri of await findGoModFiles(max)) {
    try {
      const path = moduleDirective(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      if (path && !paths.includes(path)) paths.push(path);
    } catch {
      // unreadable: nothing to suggest from it
    }
  }
  return paths;
}

/** Keeps the context key (and the listener) in step with whether any go.mod / go.work is in the workspace. */
export function watchModuleWorkspace(onChange: (present: boolean) => void): vscode.Disposable {
  let present: boolean | undefined;
  let pending: Promise<void> | undefined;
  let again = false;
  const evaluate = (): void => {
    // One look at a time; a change seen meanwhile gets one more look afterwards.
    if (pending) {
      again = true;
      return;
    }
    pending = (async () => {
      const open = vscode.workspace.textDocuments.some((d) => d.languageId === 'go.mod' || d.languageId === 'go.work');
      const now = open || (await vscode.workspace.findFiles(MODULE_FILES, EXCLUDE, 1)).length > 0;
      if (now !== present) {
        present = now;
        await vscode.commands.executeCommand('setContext', CONTEXT_KEY, now);
        onChange(now);
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
        if (again) {
          again = false;
          evaluate();
        }
      });
  };
  const watcher = vscode.workspace.createFileSystemWatcher(MODULE_FILES, false, true, false);
  const subs = [
    watcher,
    watcher.onDidCreate(evaluate),
    watcher.onDidDelete(evaluate),
    vscode.workspace.onDidChangeWorkspaceFolders(evaluate),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (!present && (d.languageId === 'go.mod' || d.languageId === 'go.work')) evaluate();
    }),
  ];
  evaluate();
  return vscode.Disposable.from(...subs);
}
