// Rounds of the health model's network and disk work: the effective Go environment and its lint, the probes of
// GOPROXY / GOSUMDB / mirrors, and the caches (inspection plus sizes within a budget). Rounds never overlap: a
// request during a round is remembered and runs once the round ends (several requests merge into one).
import { inspectCaches, measureSize, type CacheInspection } from '../core/cache';
import type { Finding } from '../core/finding';
import { resolveGoBinary } from '../core/gocmd/find';
import { localGoVersion } from '../core/gocmd/run';
import type { EditorSettingsTarget } from '../core/goenv/editor';
import { lintEnv } from '../core/goenv/lint';
import { loadEffectiveEnv } from '../core/goenv/load';
import type { ResolvedEnv } from '../core/goenv/resolve';
import { routeEnvOf } from '../core/goenv/route';
import { KNOWN_PUBLIC_MIRRORS } from '../core/net/mirrors';
import { runProbes, type ProbeReport } from '../core/net/probe';

/** Reading the module cache's layout stops after this long (as in `check`). */
const INSPECT_BUDGET_MS = 1500;
/** Measuring the sizes of all cache directories together stops after this long; the rows then say "incomplete". */
const SIZE_BUDGET_MS = 3000;

export interface RoundSettings {
  goPath?: string;
  mirrors?: string[];
  timeoutMs?: number;
  concurrency?: number;
  /** false: no probes at all (module checks still run). */
  networkProbes: boolean;
  /** The directory the environment is resolved in (GOWORK, go.work search): the first workspace folder. */
  cwd: () => string | undefined;
  editor?: EditorSettingsTarget;
  log: (message: string) => void;
  /** Called whenever results or running flags changed. */
  onChange: () => void;
}

export interface RoundParts {
  probes: boolean;
  cache: boolean;
}

export interface CacheResults {
  inspection: CacheInspection;
  sizes: Map<string, { bytes: number; complete: boolean }>;
}

export interface RoundResults {
  env?: ResolvedEnv;
  /** Env lint, sharpened by the probes once they ran. */
  envFindings: Finding[];
  go: { path: string | null; version: string | null };
  probes?: ProbeReport;
  cache?: CacheResults;
}

export class HealthRounds {
  readonly results: RoundResults = { envFindings: [], go: { path: null, version: null } };
  readonly running = { env: false, probes: false, cache: false };
  private active?: Promise<void>;
  private pending?: RoundParts;
  private timer?: NodeJS.Timeout;
  private readonly controller = new AbortController();

  constructor(private readonly settings: RoundSettings) {}

  /** Whether any round was asked for yet. */
  get started(): boolean {
    return this.active !== undefined || this.results.env !== undefined;
  }

  /** Runs a round (after the one under way, if any); resolves when no round is left to run. */
  request(parts: RoundParts = { probes: true, cache: true }): Promise<void> {
    this.pending = { probes: !!this.pending?.probes || parts.probes, cache: !!this.pending?.cache || parts.cache };
    if (!this.active) {
      this.active = this.drain().finally(() => {
        this.active = undefined;
      });
    }
    return this.active;
  }

  /** A round every `minutes` (0: none). */
  every(minutes: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.request(), minutes * 60_000);
      this.timer.unref();
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.controller.abort();
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.controller.signal.aborted) {
      const parts = this.pending;
      this.pending = undefined;
      try {
        await this.round(parts);
      } catch (err) {
        this.settings.log(`health round failed: ${err instanceof Error ? err.stack : String(err)}`);
      } finally {
        this.running.env = this.running.probes = this.running.cache = false;
        this.settings.onChange();
      }
    }
  }

  private async round(parts: RoundParts): Promise<void> {
    const s = this.settings;
    const signal = this.controller.signal;
    const probes = parts.probes && s.networkProbes;
    this.running.env = true;
    this.running.probes = probes;
    this.running.cache = parts.cache;
    s.onChange();

    const editor = s.editor ? await s.editor.read().catch(() => undefined) : undefined;
    const { env } = await loadEffectiveEnv({ goPath: s.goPath, cwd: s.cwd(), editor });
    const goPath = resolveGoBinary({ explicit: s.goPath, env: process.env })?.path;
    const version = goPath ? await localGoVersion({ goPath }) : undefined;
    if (signal.aborted) return;
    const r = this.results;
    r.env = env;
    r.go = { path: goPath ?? null, version: version ? `go${version}` : null };
    r.envFindings = lintEnv(env, { unreachableProxies: unreachable(r.probes) });
    this.running.env = false;
    s.onChange();

    await Promise.all([probes ? this.probe(env) : undefined, parts.cache ? this.inspect(env) : undefined]);
  }

  private async probe(env: ResolvedEnv): Promise<void> {
    const s = this.settings;
    const report = await runProbes(
      { env: routeEnvOf(env.values), mirrors: s.mirrors ?? KNOWN_PUBLIC_MIRRORS },
      { timeoutMs: s.timeoutMs, concurrency: s.concurrency ?? 16, env: process.env, signal: this.controller.signal },
    );
    if (this.controller.signal.aborted) return;
    if (report.error) s.log(`probes failed: ${report.error}`);
    this.results.probes = report;
    // A comma after an unreachable proxy stops go: the env lint says so once the probes know.
    this.results.envFindings = lintEnv(env, { unreachableProxies: unreachable(report) });
    this.running.probes = false;
    s.onChange();
  }

  private async inspect(env: ResolvedEnv): Promise<void> {
    const v = env.values;
    const signal = this.controller.signal;
    const inspection = await inspectCaches({ GOMODCACHE: v.GOMODCACHE, GOCACHE: v.GOCACHE, GOPATH: v.GOPATH, GOFLAGS: v.GOFLAGS }, { budgetMs: INSPECT_BUDGET_MS, signal });
    const sizes = new Map<string, { bytes: number; complete: boolean }>();
    const deadline = performance.now() + SIZE_BUDGET_MS;
    for (const target of inspection.targets) {
      if (!target.exists || !target.isDirectory || signal.aborted) continue;
      const size = await measureSize(target.path, { budgetMs: Math.max(0, deadline - performance.now()), signal });
      sizes.set(target.path, { bytes: size.bytes, complete: size.complete });
    }
    if (signal.aborted) return;
    this.results.cache = { inspection, sizes };
    this.running.cache = false;
    this.settings.onChange();
  }
}

function unreachable(report: ProbeReport | undefined): string[] | undefined {
  return report?.proxies.filter((p) => p.configured && !p.ok && p.status === undefined).map((p) => p.url);
}
