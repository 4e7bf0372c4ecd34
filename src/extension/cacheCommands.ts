// Clean Module Cache…, Clean Build Cache…, Prune Module Cache…: the server measures a plan (under a progress
// notification), a modal says how much goes and from where, then the server runs it with progress and cancel.
//
// Programmatic use: `{ planOnly: true }` measures and returns the plan without removing anything; `{ confirm: false }`
// runs without the modal. Without arguments (palette, panel) the user always confirms.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CACHE_PLAN_REQUEST,
  CACHE_PROGRESS,
  CACHE_RUN_REQUEST,
  type CachePlanParams,
  type CachePlanResult,
  type CacheProgressParams,
  type CacheRunParams,
  type CacheRunResult,
} from '../protocol';
import { cacheConfirmation, cacheTitle, type CacheKind } from './cacheText';
import { formatBytes } from './pickers';
import { redact } from './redact';
import type { ServerAccess } from './serverAccess';
import { requireTrust } from './trust';

export interface CacheCommandResult {
  status: CacheRunResult['status'] | 'planned' | 'nothing' | 'untrusted' | 'unavailable';
  plan?: CachePlanResult;
  freedBytes?: number;
  message?: string;
}

const progressEvents = new vscode.EventEmitter<CacheProgressParams>();
const attached = new WeakSet<LanguageClient>();

/** The one CACHE_PROGRESS handler of a client (vscode-languageclient keeps one per method); works before start. */
export function attachCacheProgress(client: LanguageClient): vscode.Disposable {
  if (attached.has(client)) return new vscode.Disposable(() => undefined);
  attached.add(client);
  return client.onNotification(CACHE_PROGRESS, (p: CacheProgressParams) => progressEvents.fire(p));
}

function isCancellation(err: unknown): boolean {
  return err instanceof vscode.CancellationError || (err instanceof Error && err.name === 'Canceled');
}

function options(arg: unknown): { confirm: boolean; planOnly: boolean } {
  const o = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
  return { confirm: o.confirm !== false, planOnly: o.planOnly === true };
}

export class CacheCommands {
  constructor(private readonly access: ServerAccess) {}

  async run(kind: CacheKind, arg?: unknown): Promise<CacheCommandResult> {
    const title = cacheTitle(kind, vscode.l10n);
    const opts = options(arg);
    if (!requireTrust(title)) return { status: 'untrusted' };
    const client = await this.access.client();
    if (!client) return { status: 'unavailable' };

    let plan: CachePlanResult;
    try {
      plan = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0}: measuring what would be removed…', title), cancellable: true },
        (_progress, token) => client.sendRequest<CachePlanResult>(CACHE_PLAN_REQUEST, { kind } satisfies CachePlanParams, token),
      );
    } catch (err) {
      if (isCancellation(err)) return { status: 'cancelled' };
      return { status: 'failed', message: this.access.error(`cache plan ${kind}`, err) };
    }
    this.access.log.info(`cache plan ${kind}: ${redact(JSON.stringify({ ...plan, planId: undefined }))}`);
    if (plan.error) {
      void vscode.window.showErrorMessage(`${title}: ${plan.error}`);
      return { status: 'failed', plan, message: plan.error };
    }
    if (opts.planOnly) return { status: 'planned', plan };
    // No plan id: nothing to remove (the summary says so).
    if (!plan.planId) {
      const message = plan.summary ?? vscode.l10n.t('Nothing to remove.');
      void vscode.window.showInformationMessage(message);
      return { status: 'nothing', plan, message };
    }
    if (opts.confirm) {
      const c = cacheConfirmation(kind, plan, vscode.l10n);
      const picked = await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.button);
      if (picked !== c.button) return { status: 'cancelled', plan };
    }
    return this.execute(client, title, plan);
  }

  private async execute(client: LanguageClient, title: string, plan: CachePlanResult): Promise<CacheCommandResult> {
    const planId = plan.planId!;
    let result: CacheRunResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, token) => {
          let reported = 0;
          const sub = progressEvents.event((p) => {
            if (p.planId !== planId) return;
            const fraction = Math.max(0, Math.min(1, p.fraction));
            progress.report({ increment: Math.max(0, fraction - reported) * 100, message: vscode.l10n.t('{0} freed', formatBytes(p.freedBytes)) });
            reported = Math.max(reported, fraction);
          });
          try {
            return await client.sendRequest<CacheRunResult>(CACHE_RUN_REQUEST, { planId } satisfies CacheRunParams, token);
          } finally {
            sub.dispose();
          }
        },
      );
    } catch (err) {
      if (isCancellation(err)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0}: cancelled; what was already removed stays removed.', title));
        return { status: 'cancelled', plan };
      }
      const message = this.access.error(`cache run ${plan.root ?? ''}`, err);
      void vscode.window.showErrorMessage(`${title}: ${message}`);
      return { status: 'failed', plan, message };
    }
    this.access.log.info(`cache run ${redact(plan.root ?? '')}: ${result.status}, ${result.freedBytes} bytes freed. ${redact(result.message)}`);
    if (result.status === 'done') void vscode.window.showInformationMessage(result.message);
    else if (result.status === 'cancelled') void vscode.window.showInformationMessage(result.message);
    else void vscode.window.showWarningMessage(result.message);
    return { status: result.status, plan, freedBytes: result.freedBytes, message: result.message };
  }
}
