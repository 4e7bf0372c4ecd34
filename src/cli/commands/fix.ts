// `gomod-doctor fix <fix-id>...`: applies env fixes (ids like env:set:GOPROXY=https://proxy.golang.org,direct),
// showing the resulting effective values first; refuses writes a higher layer would shadow unless --force.
import { parseFixId, type EnvFix, type WriteLayer } from '../../core/goenv/fixid';
import { t } from '../../core/i18n';
import { applyEnvWrite, describePlan, planEnvWrite, type WriteContext, type WritePlan } from '../../core/goenv/write';
import { redactSecrets } from '../../core/report/redact';
import { parseArgs, stringFlag } from '../args';
import { UsageError, type CliIo } from '../io';
import { settingsTarget, setupEnvCommand } from './env';

/** Whether `gomod-doctor fix` handles this id here (other families' fixes are dispatched elsewhere). */
export function isEnvFixId(id: string): boolean {
  return /^env(@[a-z]+)?:/.test(id);
}

function planJson(plan: WritePlan) {
  return {
    layer: plan.layer,
    target: plan.target ? redactSecrets(plan.target) : null,
    problems: plan.problems.map(redactSecrets),
    changes: plan.changes.map((c) => ({
      name: c.name,
      value: c.value === undefined ? null : redactSecrets(c.value),
      previous: c.previous === undefined ? null : redactSecrets(c.previous),
      before: { value: redactSecrets(c.before.value), layer: c.before.layer },
      after: { value: redactSecrets(c.after.value), layer: c.after.layer },
      takesEffect: c.takesEffect,
      ...(c.shadowedBy ? { shadowedBy: { layer: c.shadowedBy.layer, value: redactSecrets(c.shadowedBy.value) } } : {}),
      ...(c.shellLines ? { shellLines: c.shellLines.map(redactSecrets) } : {}),
    })),
  };
}

export async function runFixCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    json: 'bool', go: 'value', settings: 'value', 'state-dir': 'value', layer: 'value', 'dry-run': 'bool', force: 'bool', lang: 'value',
  });
  if (args.positionals.length === 0) throw new UsageError(t('env.cli.usage-fix'));
  const layerFlag = stringFlag(args, 'layer');
  if (layerFlag !== undefined && layerFlag !== 'envfile' && layerFlag !== 'editor') throw new UsageError(t('env.cli.bad-layer', { layer: layerFlag }));
  const fixes: Array<{ id: string; fix: EnvFix }> = args.positionals.map((id) => {
    const fix = parseFixId(id);
    if (!fix) throw new UsageError(t('env.cli.bad-fix-id', { id }));
    if (layerFlag) fix.layer = layerFlag as WriteLayer;
    return { id, fix };
  });
  const setup = await setupEnvCommand(args, io, false);
  const ctx: WriteContext = { goPath: setup.goPath ?? 'go', env: io.env, cwd: io.cwd, stateDir: setup.stateDir, editor: settingsTarget(setup) };
  const json = args.flags.has('json');
  const results: unknown[] = [];
  let code = 0;
  for (const { id, fix } of fixes) {
    if (args.flags.has('dry-run')) {
      const plan = await planEnvWrite(fix, ctx);
      if (json) results.push({ fix: redactSecrets(id), status: 'dry-run', plan: planJson(plan) });
      else {
        io.out(t('env.cli.plan') + '\n' + describePlan(plan).map((l) => '  ' + l).join('\n') + '\n');
        for (const p of plan.problems) io.err(redactSecrets(p) + '\n');
        io.out(t('env.cli.dry-run') + '\n');
      }
      if (plan.problems.length || !plan.allTakeEffect) code = 1;
      continue;
    }
    const r = await applyEnvWrite(fix, ctx, { force: args.flags.has('force'), description: id });
    if (r.status === 'refused' || r.status === 'failed') code = 1;
    if (json) {
      results.push({ fix: redactSecrets(id), status: r.status, plan: planJson(r.plan), ...(r.reason ? { reason: redactSecrets(r.reason) } : {}), ...(r.entry ? { journalEntry: r.entry.id } : {}) });
      continue;
    }
    io.out(t('env.cli.plan') + '\n' + describePlan(r.plan).map((l) => '  ' + l).join('\n') + '\n');
    io.out(t('env.cli.fix-summary', { fix: redactSecrets(id), status: t(`env.cli.status.${r.status}`) }) + '\n');
    if (r.status === 'written') io.out(t('env.write.done') + '\n');
    else if (r.status === 'noop') io.out(t('env.write.nothing', { name: r.plan.changes.map((c) => c.name).join(', ') }) + '\n');
    else io.err(redactSecrets(r.reason ?? '') + '\n');
  }
  if (json) io.out(JSON.stringify({ results }, null, 2) + '\n');
  return code;
}
