// The network half of the diagnostics: after the local ones are out, the module rules run in the background per
// document (debounced, cancelled by the next edit), stream their findings in as they arrive, and keep what the
// hover needs. Answers are cached by the shared ModuleSourceClient, so go.mod files share one request per URL.
import { dirname } from 'node:path';
import { diagnoseModules, ModuleSourceClient, type ModuleReport } from '../core/diagnose/modules';
import type { Finding } from '../core/finding';
import type { EditorSettingsTarget } from '../core/goenv/editor';
import { loadEffectiveEnv } from '../core/goenv/load';
import type { ResolvedEnv } from '../core/goenv/resolve';

export interface ModuleCheckSettings {
  goPath?: string;
  mirrors?: string[];
  slowMs?: number;
  debounceMs: number;
  editor?: EditorSettingsTarget;
  /** Called when a check starts, decides a module, or ends (the health model counts progress from it). */
  onActivity?: (uri: string) => void;
}

interface Running {
  controller: AbortController;
  timer?: NodeJS.Timeout;
}

export interface DocState {
  findings: Finding[];
  reports: ModuleReport[];
  env?: ResolvedEnv;
}

export class ModuleChecks {
  private readonly running = new Map<string, Running>();
  readonly state = new Map<string, DocState>();
  /** Reports of the checks under way, as each module is decided; absent when no check of that uri runs. */
  readonly progress = new Map<string, ModuleReport[]>();

  constructor(
    readonly client: ModuleSourceClient,
    private readonly settings: ModuleCheckSettings,
    /** Called whenever the module findings of a document changed (stream or end of a run). */
    private readonly changed: (uri: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Forgets a document's module findings (its text changed, so their ranges may be stale) and stops its run. */
  invalidate(uri: string): void {
    this.cancel(uri);
    const s = this.state.get(uri);
    if (s) s.findings = [];
  }

  cancel(uri: string): void {
    const r = this.running.get(uri);
    if (!r) return;
    if (r.timer) clearTimeout(r.timer);
    r.controller.abort();
    this.running.delete(uri);
    this.progress.delete(uri);
    this.settings.onActivity?.(uri);
  }

  /** A check of this uri is waiting for its debounce or running. */
  isRunning(uri: string): boolean {
    return this.running.has(uri);
  }

  /** Starts (after the debounce) a check of one go.mod / go.work text; a newer call for the same uri wins. */
  schedule(uri: string, file: string, kind: 'go.mod' | 'go.work', text: string, version: () => number | undefined, delayMs = this.settings.debounceMs): void {
    this.cancel(uri);
    const controller = new AbortController();
    const entry: Running = { controller };
    this.running.set(uri, entry);
    this.progress.set(uri, []);
    this.settings.onActivity?.(uri);
    const startedAt = version();
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(uri, file, kind, text, controller.signal, () => version() === startedAt).finally(() => {
        if (this.running.get(uri) !== entry) return;
        this.running.delete(uri);
        this.progress.delete(uri);
        this.settings.onActivity?.(uri);
      });
    }, delayMs);
  }

  private async run(uri: string, file: string, kind: 'go.mod' | 'go.work', text: string, signal: AbortSignal, current: () => boolean): Promise<void> {
    try {
      const editor = this.settings.editor ? await this.settings.editor.read().catch(() => undefined) : undefined;
      const { env } = await loadEffectiveEnv({ goPath: this.settings.goPath, cwd: dirname(file), editor });
      if (signal.aborted || !current()) return;
      // Until the first new finding arrives, the previous ones stay (no flicker when only the environment changed).
      const fresh: Finding[] = [];
      const result = await diagnoseModules(
        { file, kind, text },
        {
          env: env.values,
          resolved: env,
          client: this.client,
          mirrors: this.settings.mirrors,
          slowMs: this.settings.slowMs,
          signal,
          onFinding: (f) => {
            fresh.push(f);
            if (signal.aborted || !current()) return;
            this.state.set(uri, { findings: [...fresh], reports: this.state.get(uri)?.reports ?? [], env });
            this.changed(uri);
          },
          onReport: (r) => {
            if (signal.aborted || !current()) return;
            this.progress.get(uri)?.push(r);
            this.settings.onActivity?.(uri);
          },
        },
      );
      if (signal.aborted || !current()) return;
      this.state.set(uri, { findings: result.findings, reports: result.reports, env });
      this.changed(uri);
    } catch (err) {
      this.log(`module checks of ${file} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }

  dispose(): void {
    for (const uri of [...this.running.keys()]) this.cancel(uri);
    this.client.close();
  }
}
