// The editor layer of the Go environment as VS Code keeps it: `go.toolsEnvVars`, the variables the Go extension
// passes to the tools it runs. The language server reads and writes it through two requests (src/protocol);
// writes go to the user settings, so that a fix applies to every workspace the way `go env -w` would.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EDITOR_ENV_READ, EDITOR_ENV_WRITE, type EditorEnvReadResult, type EditorEnvWriteParams, type EditorEnvWriteResult } from '../protocol';

function current(): Record<string, string> {
  const value = vscode.workspace.getConfiguration('go').get<Record<string, unknown>>('toolsEnvVars') ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function serveEditorEnv(client: LanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(EDITOR_ENV_READ, (): EditorEnvReadResult => {
      try {
        return { values: current() };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }),
    client.onRequest(EDITOR_ENV_WRITE, async (p: EditorEnvWriteParams): Promise<EditorEnvWriteResult> => {
      try {
        const config = vscode.workspace.getConfiguration('go');
        const global = { ...(config.inspect<Record<string, string>>('toolsEnvVars')?.globalValue ?? {}) };
        if (p.value === undefined) delete global[p.name];
        else global[p.name] = p.value;
        await config.update('toolsEnvVars', Object.keys(global).length ? global : undefined, vscode.ConfigurationTarget.Global);
        return {};
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }),
  ];
}
