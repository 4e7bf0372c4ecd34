// The words of the cache commands' confirmation, from the server's plan. Pure (no vscode).
import type { CachePlanParams, CachePlanResult } from '../protocol';
import { formatBytes } from './pickers';
import type { Translator } from './translator';

export type CacheKind = CachePlanParams['kind'];

/** Command id → the plan kind it asks for. */
export const CACHE_COMMANDS: Record<string, CacheKind> = {
  'gomodDoctor.cleanModuleCache': 'modcache',
  'gomodDoctor.cleanBuildCache': 'buildcache',
  'gomodDoctor.pruneModuleCache': 'prune',
};

export function cacheTitle(kind: CacheKind, l10n: Translator): string {
  switch (kind) {
    case 'modcache':
      return l10n.t('Clean the module cache');
    case 'buildcache':
      return l10n.t('Clean the build cache');
    case 'prune':
      return l10n.t('Prune the module cache');
  }
}

export interface CacheConfirmation {
  message: string;
  detail: string;
  button: string;
}

/** "Remove 1.2 GB (34,512 files) in /root/go/pkg/mod?" — the server's summary when it sent one, else ours. */
export function cacheConfirmation(kind: CacheKind, plan: CachePlanResult, l10n: Translator): CacheConfirmation {
  const size = plan.bytes !== undefined ? formatBytes(plan.bytes) : l10n.t('an unknown amount');
  const atLeast = plan.complete === false ? l10n.t('at least {0}', size) : size;
  const items = plan.items !== undefined ? plan.items.toLocaleString('en-US') : '?';
  const message =
    plan.summary ??
    (kind === 'prune'
      ? l10n.t('Remove {0} ({1} module versions no go.mod of this workspace needs) from {2}?', atLeast, items, plan.root ?? '?')
      : l10n.t('Remove {0} ({1} files) in {2}?', atLeast, items, plan.root ?? '?'));
  const detail = [
    kind === 'buildcache'
      ? l10n.t('The next builds and tests compile everything again.')
      : l10n.t('Modules removed from the cache are downloaded again when a build needs them: through the GOPROXY in force, which must be reachable.'),
    plan.complete === false ? l10n.t('The size was not measured completely within the time budget.') : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  const button = kind === 'prune' ? l10n.t('Prune') : l10n.t('Clean');
  return { message, detail, button };
}
