// The health model: assembles the HealthSnapshot the panel and the status bar show from the module checks of the
// open go.mod / go.work files and from the rounds (env, probes, caches), and sends it — whole, throttled, with a
// growing seq — whenever something changed. Untrusted workspaces get a snapshot that says so and holds nothing.
import type { Finding } from '../core/finding';
import { redactSecrets } from '../core/report/redact';
import type { HealthSnapshot } from '../protocol';
import type { HealthRounds } from './healthRound';
import { actionableProbeFindings, cacheRows, envRows, mirrorRows, probeRows, toHealthFinding } from './healthRows';
import { moduleRows, type ModuleDoc } from './moduleRows';
import { overallState } from './overall';

export interface HealthDeps {
  trusted: boolean;
  /** The open module files with the state of their checks. */
  docs: () => ModuleDoc[];
  rounds?: HealthRounds;
  /** Sends a snapshot to the client; absent when the client does not listen (initializationOptions.health). */
  send?: (snapshot: HealthSnapshot) => void;
  throttleMs?: number;
}

/** Every string of a snapshot leaves the server redacted, whichever part of the engine it came from. */
function redacted<T>(value: T): T {
  return JSON.parse(redactSecrets(JSON.stringify(value))) as T;
}

/** Cache notes (a missing cache, a lock held right now) are normal: only warnings and errors count. */
export function cacheProblems(rounds: HealthRounds | undefined): Finding[] {
  return (rounds?.results.cache?.inspection.findings ?? []).filter((f) => f.severity === 'error' || f.severity === 'warning');
}

export class HealthService {
  private seq = 0;
  private updatedAt = Date.now();
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: HealthDeps) {}

  /** Something changed: the seq grows now, the notification follows within the throttle interval. */
  changed(): void {
    this.seq++;
    this.updatedAt = Date.now();
    if (!this.deps.send || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deps.send?.(this.snapshot());
    }, this.deps.throttleMs ?? 150);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  snapshot(): HealthSnapshot {
    const base = { seq: this.seq, updatedAt: this.updatedAt };
    if (!this.deps.trusted) {
      return {
        ...base,
        trusted: false,
        overall: overallState({ trusted: false, docCount: 0, modules: [], moduleFindings: [], cacheFindings: [], envFindings: [], running: { modules: false, probes: false, cache: false }, probesKnown: false }),
        running: { modules: false, probes: false, cache: false },
        go: { path: null, version: null },
        envFile: null,
        env: [],
        modules: [],
        probes: null,
        mirrors: [],
        cache: null,
        findings: [],
      };
    }
    const rounds = this.deps.rounds;
    const results = rounds?.results;
    const docs = this.deps.docs();
    const modules = moduleRows(docs, results?.env);
    const done = modules.filter((m) => m.status !== 'checking').length;
    const running: HealthSnapshot['running'] = {
      modules: docs.some((d) => d.progress !== undefined),
      probes: !!rounds?.running.probes,
      cache: !!rounds?.running.cache,
      done,
      total: modules.length,
    };
    const envFindings = results?.envFindings ?? [];
    const probeFindings = results?.probes ? actionableProbeFindings(results.probes, results.env) : undefined;
    const cacheFindings = cacheProblems(rounds);
    const overall = overallState({
      trusted: true,
      docCount: docs.length,
      modules,
      moduleFindings: docs.flatMap((d) => d.findings),
      probeFindings,
      cacheFindings,
      envFindings,
      running,
      probesKnown: results?.probes !== undefined,
    });
    return redacted<HealthSnapshot>({
      ...base,
      trusted: true,
      overall,
      running,
      go: results?.go ?? { path: null, version: null },
      envFile: results?.env?.envFile.path ?? null,
      env: results?.env ? envRows(results.env, envFindings) : [],
      modules,
      probes: results?.probes ? probeRows(results.probes, probeFindings) : null,
      mirrors: results?.probes ? mirrorRows(results.probes, results.env) : [],
      cache: results?.cache ? cacheRows(results.cache.inspection, results.cache.sizes) : null,
      findings: [...envFindings, ...(probeFindings ?? []), ...cacheFindings].map(toHealthFinding),
    });
  }
}
