// Polling for state the extension reaches asynchronously (diagnostics arrive when the server has looked).
import * as vscode from 'vscode';

/** Calls probe every intervalMs until it returns a value other than undefined; fails with describe() after timeoutMs. */
export async function pollFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s: ${describe()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(p),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000}s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Our diagnostics on uri, as short strings for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all
    .map((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const r = d.range;
      return `${d.source}/${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} "${d.message}"`;
    })
    .join('; ');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
