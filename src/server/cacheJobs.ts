// Cache jobs for the panel and the commands: a plan first (what would be removed and how big it is, measured), kept
// by id for a few minutes; then — after the client's confirmation — the run of exactly that plan, with progress
// notifications and cancellation. Failures (read-only trees, a full disk, no go) come back as messages, never throws.
import { randomUUID } from 'node:crypto';
import { clean, formatBytes, planClean, planPrune, prune, type CacheEnv, type CleanPlan, type PrunePlan } from '../core/cache';
import { t } from '../core/i18n';
import { redactSecrets } from '../core/report/redact';
import type { CachePlanParams, CachePlanResult, CacheProgressParams, CacheRunResult } from '../protocol';

/** A plan not run within this time must be measured again: the cache may have changed since. */
export const PLAN_TTL_MS = 5 * 60_000;

type Stored = { kind: 'clean'; plan: CleanPlan; expires: number } | { kind: 'prune'; plan: PrunePlan; expires: number };

export interface CacheJobDeps {
  goPath?: string;
  /** The cache locations in force (GOMODCACHE, GOCACHE…), read fresh for every plan. */
  cacheEnv: () => Promise<CacheEnv>;
  /** Where the module files live that a prune must keep the versions of: folders of open files and of the workspace. */
  roots: () => string[];
  progress: (p: CacheProgressParams) => void;
  /** After a run: refresh the cache part of the health snapshot. */
  afterRun: () => void;
  now?: () => number;
}

function failure(err: unknown): string {
  return redactSecrets(err instanceof Error ? err.message : String(err));
}

export class CacheJobs {
  private readonly plans = new Map<string, Stored>();

  constructor(private readonly deps: CacheJobDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private keep(stored: Stored): string {
    for (const [id, s] of this.plans) if (s.expires <= this.now()) this.plans.delete(id);
    const id = randomUUID();
    this.plans.set(id, stored);
    return id;
  }

  async plan(params: CachePlanParams, signal?: AbortSignal): Promise<CachePlanResult> {
    const kind = params?.kind;
    const variable = kind === 'buildcache' ? 'GOCACHE' : 'GOMODCACHE';
    try {
      const env = await this.deps.cacheEnv();
      if (kind === 'modcache' || kind === 'buildcache') {
        const plan = await planClean(kind, env, { budgetMs: 10_000, signal });
        const out: CachePlanResult = { root: plan.root, bytes: plan.bytes, items: plan.files, complete: plan.complete };
        if (!plan.exists || plan.files === 0) return { ...out, summary: t('health.cache.plan-empty', { path: plan.root }) };
        const key = plan.complete ? 'health.cache.plan-clean' : 'health.cache.plan-clean-partial';
        return { ...out, planId: this.keep({ kind: 'clean', plan, expires: this.now() + PLAN_TTL_MS }), summary: t(key, { size: formatBytes(plan.bytes), files: plan.files.toLocaleString('en-US'), path: plan.root }) };
      }
      if (kind === 'prune') {
        if (!env.GOMODCACHE) return { error: t('cache.clean.no-root', { variable: 'GOMODCACHE' }) };
        const roots = this.deps.roots();
        const plan = await planPrune(env.GOMODCACHE, roots, { budgetMs: 30_000, signal });
        if (plan.references.unreadable.length > 0) return { error: t('health.cache.plan-unreadable', { files: plan.references.unreadable.join(', ') }) };
        const removable = plan.items.filter((i) => !i.busy);
        const out: CachePlanResult = { root: plan.root, bytes: plan.bytes, items: removable.length, complete: plan.complete };
        if (removable.length === 0) return { ...out, summary: t('health.cache.plan-empty', { path: plan.root }) };
        const summary = t('health.cache.plan-prune', { count: removable.length, size: formatBytes(plan.bytes), path: plan.root, dirs: roots.join(', '), kept: plan.kept });
        return { ...out, planId: this.keep({ kind: 'prune', plan, expires: this.now() + PLAN_TTL_MS }), summary };
      }
      return { error: t('health.cache.plan-failed', { variable, reason: `unknown kind ${String(kind)}` }) };
    } catch (err) {
      return { error: t('health.cache.plan-failed', { variable, reason: failure(err) }) };
    }
  }

  /** Runs a stored plan once; the client asked the user with the plan's summary, so the confirmation is given. */
  async run(planId: string, signal: AbortSignal): Promise<CacheRunResult> {
    const stored = this.plans.get(planId);
    this.plans.delete(planId);
    if (!stored || stored.expires <= this.now()) return { status: 'expired', freedBytes: 0, message: t('health.cache.expired') };
    const path = stored.plan.root;
    const total = stored.plan.bytes;
    // Progress only grows and stops with the outcome: the clean measures it from the disk's free space, which other
    // programs move too, and its last poll may land after the end.
    let shown = -1;
    let finished = false;
    const progress = (freedBytes: number, final = false) => {
      const freed = Math.max(0, Math.min(total, Math.round(freedBytes)));
      if (finished || (!final && freed <= shown)) return;
      shown = freed;
      finished = final;
      this.deps.progress({ planId, freedBytes: freed, fraction: total > 0 ? freed / total : 1 });
    };
    progress(0);
    const outcome = (r: CacheRunResult): CacheRunResult => {
      progress(r.freedBytes, true);
      return r;
    };
    try {
      if (stored.kind === 'clean') {
        const r = await clean(stored.plan, { confirm: () => true, goPath: this.deps.goPath, signal, onProgress: (p) => progress(p.freedBytes) });
        const size = formatBytes(r.freedBytes);
        if (r.status === 'cancelled') return outcome({ status: 'cancelled', freedBytes: r.freedBytes, message: t('health.cache.cancelled', { size, path }) });
        if (r.status === 'partial') {
          const detail = r.findings.map((f) => f.message).join(' ') || r.failures.slice(0, 3).map((f) => `${f.path} (${f.code})`).join(', ');
          return outcome({ status: 'partial', freedBytes: r.freedBytes, message: redactSecrets(t('health.cache.partial', { size, path, detail })) });
        }
        if (r.status === 'done') return outcome({ status: 'done', freedBytes: r.freedBytes, message: t('health.cache.done', { size, path }) });
        return outcome({ status: 'failed', freedBytes: 0, message: t('health.cache.failed', { path, reason: r.status }) });
      }
      const r = await prune(stored.plan, { confirm: () => true, signal, onProgress: (p) => progress(p.removedBytes) });
      const size = formatBytes(r.freedBytes);
      if (r.status === 'cancelled') return outcome({ status: 'cancelled', freedBytes: r.freedBytes, message: t('health.cache.cancelled', { size, path }) });
      if (r.status === 'partial') {
        const parts: string[] = r.findings.map((f) => f.message);
        if (r.skipped.length) parts.push(t('health.cache.skipped', { count: r.skipped.length, reason: r.skipped[0].reason }));
        if (r.failures.length) parts.push(r.failures.slice(0, 3).map((f) => `${f.path} (${f.code})`).join(', '));
        return outcome({ status: 'partial', freedBytes: r.freedBytes, message: redactSecrets(t('health.cache.partial', { size, path, detail: parts.join('; ') })) });
      }
      if (r.status === 'done') return outcome({ status: 'done', freedBytes: r.freedBytes, message: t('health.cache.done', { size, path }) });
      return outcome({ status: 'failed', freedBytes: 0, message: t('health.cache.failed', { path, reason: r.status }) });
    } catch (err) {
      return outcome({ status: 'failed', freedBytes: 0, message: t('health.cache.failed', { path, reason: failure(err) }) });
    } finally {
      this.deps.afterRun();
    }
  }
}
