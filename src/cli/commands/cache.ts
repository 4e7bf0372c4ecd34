// `gomod-doctor cache …`: inspect the caches, and clean / prune / clear with a plan first. Without --yes only the
// plan is printed (what would be removed and its size); the confirmation of the editor's dialog is --yes here.
import path from 'node:path';
import {
  clean,
  formatBytes,
  inspectCaches,
  planClean,
  planClearVersion,
  planPrune,
  prune,
  readCacheEnv,
  type CacheEnv,
  type PrunePlan,
} from '../../core/cache';
import { t } from '../../core/i18n';
import { redactSecrets } from '../../core/report/redact';
import { renderTextReport } from '../../core/report/text';
import { parseArgs, stringFlag } from '../args';
import { colorEnabled, UsageError, type CliIo } from '../io';
import { VERSION } from '../version';

const kindKey = { modcache: 'cache.kind.modcache', gocache: 'cache.kind.gocache', vcs: 'cache.kind.vcs' } as const;

function printPrunePlan(plan: PrunePlan, io: CliIo, dirs: string[]): void {
  io.out(t('cache.cli.plan-prune', { count: plan.items.length, size: formatBytes(plan.bytes), dirs: dirs.join(', '), kept: plan.kept }) + '\n');
  for (const i of plan.items) {
    const busy = i.busy ? ` (${t('cache.prune.busy', { pid: i.busy.pid, name: i.busy.name })})` : '';
    io.out(t('cache.cli.plan-item', { module: i.module, version: i.version, size: formatBytes(i.bytes), busy }) + '\n');
  }
}

export async function runCacheCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { yes: 'bool', 'dry-run': 'bool', json: 'bool', go: 'value', help: 'bool', 'budget-ms': 'value' });
  if (args.flags.has('help')) {
    // main answers --help itself; this stays for callers that run the command directly.
    io.out(t('cli.help.cache') + '\n');
    return 0;
  }
  const [action = 'inspect', ...rest] = args.positionals;
  const json = args.flags.has('json');
  const apply = args.flags.has('yes') && !args.flags.has('dry-run');
  const goPath = stringFlag(args, 'go');
  const budgetMs = Number(stringFlag(args, 'budget-ms') ?? 10_000);
  const env: CacheEnv = await readCacheEnv({ goPath, baseEnv: io.env, cwd: io.cwd });
  const out = (obj: unknown) => io.out(redactSecrets(JSON.stringify({ version: VERSION, ...(obj as object) }, null, 2)) + '\n');
  const color = colorEnabled(io, 'out');

  switch (action) {
    case 'inspect': {
      if (rest.length > 0) throw new UsageError(t('cache.cli.usage'));
      const r = await inspectCaches(env, { budgetMs });
      if (json) out(r);
      else {
        for (const target of r.targets) {
          const free = target.freeBytes !== undefined ? formatBytes(target.freeBytes) : '?';
          const state = !target.exists ? t('cache.cli.state-missing') : t('cache.cli.state', { free, fs: target.fsType ?? '?' });
          io.out(t('cache.cli.target', { kind: t(kindKey[target.kind]), path: target.path || '-', state }) + '\n');
        }
        io.out(renderTextReport(r.findings, { baseDir: io.cwd, color }));
      }
      return r.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'clean-modcache':
    case 'clean-build': {
      if (rest.length > 0) throw new UsageError(t('cache.cli.usage'));
      const plan = await planClean(action === 'clean-modcache' ? 'modcache' : 'buildcache', env, { budgetMs });
      if (!json) io.out(t('cache.cli.plan-clean', { path: plan.root, size: formatBytes(plan.bytes), files: plan.files, partial: plan.complete ? '' : t('cache.cli.plan-partial') }) + '\n');
      const result = await clean(plan, { confirm: () => apply, goPath, baseEnv: io.env });
      if (json) out({ plan, result });
      else if (result.status === 'declined') io.out(t('cache.cli.needs-yes') + '\n');
      else {
        const restText = result.remainingFiles > 0 ? t('cache.cli.freed-rest', { files: result.remainingFiles, remaining: formatBytes(result.remainingBytes) }) : '';
        io.out(t('cache.cli.freed', { size: formatBytes(result.freedBytes), rest: restText }) + '\n');
        if (result.findings.length > 0) io.out(renderTextReport(result.findings, { baseDir: io.cwd, color }));
      }
      return result.status === 'partial' ? 1 : 0;
    }
    case 'prune':
    case 'clear': {
      if (!env.GOMODCACHE) throw new UsageError(t('cache.clean.no-root', { variable: 'GOMODCACHE' }));
      let plan: PrunePlan;
      const dirs = rest.length > 0 ? rest.map((d) => path.resolve(io.cwd, d)) : [io.cwd];
      if (action === 'clear') {
        const m = rest.length === 1 ? /^(.+)@(v[^@]+)$/.exec(rest[0]) : null;
        if (!m) throw new UsageError(t('cache.cli.bad-version'));
        plan = await planClearVersion(env.GOMODCACHE, m[1], m[2]);
        if (!json) {
          if (plan.items.length === 0) io.out(t('cache.cli.nothing') + '\n');
          else io.out(t('cache.cli.plan-clear', { module: m[1], version: m[2], path: env.GOMODCACHE, size: formatBytes(plan.bytes) }) + '\n');
        }
      } else {
        plan = await planPrune(env.GOMODCACHE, dirs, { budgetMs: Math.max(budgetMs, 30_000) });
        if (plan.references.unreadable.length > 0) {
          io.err(t('cache.cli.unreadable', { files: plan.references.unreadable.join(', ') }) + '\n');
          return 1;
        }
        if (!json) printPrunePlan(plan, io, dirs);
      }
      const result = await prune(plan, { confirm: () => apply && plan.items.length > 0 });
      if (json) out({ plan, result });
      else if (result.status === 'declined') io.out((plan.items.length === 0 ? t('cache.cli.nothing') : t('cache.cli.needs-yes')) + '\n');
      else {
        io.out(t('cache.cli.freed', { size: formatBytes(result.freedBytes), rest: '' }) + '\n');
        // Why something stayed (a read-only mount, a full disk, a busy version) and what to do about it.
        if (result.findings.length > 0) io.out(renderTextReport(result.findings, { baseDir: io.cwd, color }));
      }
      return result.status === 'partial' ? 1 : 0;
    }
    default:
      throw new UsageError(t('cache.cli.usage'));
  }
}
