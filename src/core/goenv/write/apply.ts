// Applying an env write under the journal lock: re-plan, write, verify and journal, or roll back.
import { t } from '../../i18n';
import { formatFixId, type EnvFix, type WriteLayer } from '../fixid';
import { LockTimeoutError, newEntryId, readJournal, withLock, writeJournal, type JournalChange, type JournalEntry } from '../journal';
import type { EnvSnapshot } from '../resolve';
import { currentValues, show, snapshotFor, writeEditor, writeEnvFile } from './layers';
import { planFromSnapshot } from './plan';
import type { WriteContext, WritePlan, WriteResult } from './types';

/**
 * Applies a fix: under the journal lock, re-reads every layer, refuses when there are problems or (unless
 * `force`) when a higher layer would shadow the result, writes, verifies, and journals the previous values.
 */
export async function applyEnvWrite(fix: EnvFix, ctx: WriteContext, opts: { force?: boolean; description?: string } = {}): Promise<WriteResult> {
  try {
    return await withLock(ctx.stateDir, async () => {
      let snap: EnvSnapshot;
      try {
        snap = await snapshotFor(ctx);
      } catch (err) {
        const plan: WritePlan = { layer: fix.layer ?? 'envfile', fixId: formatFixId(fix), changes: [], problems: [String((err as Error).message)], allTakeEffect: false, noop: false };
        return { status: 'failed' as const, plan, reason: t('env.write.failed', { reason: (err as Error).message }) };
      }
      const plan = planFromSnapshot(fix, snap, ctx);
      if (plan.problems.length) return { status: 'failed' as const, plan, reason: t('env.write.failed', { reason: plan.problems.join('; ') }) };
      if (plan.noop) return { status: 'noop' as const, plan };
      if (!plan.allTakeEffect && !opts.force) return { status: 'refused' as const, plan, reason: t('env.write.refused') };
      const pending = plan.changes.filter((c) => !c.noop).map((c) => ({ name: c.name, value: c.value, previous: c.previous }));
      const target = plan.target!;
      try {
        if (plan.layer === 'envfile') await writeEnvFile(pending, ctx, snap, target);
        else await writeEditor(pending, ctx.editor!);
      } catch (err) {
        return { status: 'failed' as const, plan, reason: t('env.write.failed', { reason: (err as Error).message }) };
      }
      // Verify what is on disk now; undo our own change if it is not what was asked for.
      const now = await currentValues(plan.layer, target, ctx.editor);
      const wrong = pending.find((c) => (now.has(c.name) ? now.get(c.name) : undefined) !== c.value);
      if (wrong) {
        await rollBack(plan.layer, pending, ctx, snap, target);
        const actual = now.get(wrong.name);
        return { status: 'failed' as const, plan, reason: t('env.write.failed', { reason: t('env.write.verify-failed', { name: wrong.name, actual: show(actual), expected: show(wrong.value) }) }) };
      }
      const entry: JournalEntry = {
        id: newEntryId(),
        time: new Date().toISOString(),
        fix: opts.description ?? plan.fixId,
        changes: pending.map<JournalChange>((c) => ({ name: c.name, layer: plan.layer, target, previous: c.previous ?? null, next: c.value ?? null })),
      };
      try {
        const journal = readJournal(ctx.stateDir);
        journal.entries.push(entry);
        writeJournal(ctx.stateDir, journal);
      } catch (err) {
        await rollBack(plan.layer, pending, ctx, snap, target);
        return { status: 'failed' as const, plan, reason: t('env.write.failed', { reason: (err as Error).message }) };
      }
      return { status: 'written' as const, plan, entry };
    }, ctx.lockTimeoutMs);
  } catch (err) {
    // Lock timeout, an unwritable state dir, a corrupt journal: nothing was changed.
    const plan: WritePlan = { layer: fix.layer ?? 'envfile', fixId: formatFixId(fix), changes: [], problems: [], allTakeEffect: false, noop: false };
    const reason = err instanceof LockTimeoutError ? t('env.write.lock-timeout', { file: err.lockFile }) : (err as Error).message;
    return { status: 'failed', plan, reason: t('env.write.failed', { reason }) };
  }
}

async function rollBack(layer: WriteLayer, pending: Array<{ name: string; value: string | undefined; previous: string | undefined }>, ctx: WriteContext, snap: EnvSnapshot, target: string): Promise<void> {
  const back = pending.map((c) => ({ name: c.name, value: c.previous, previous: c.value }));
  try {
    if (layer === 'envfile') await writeEnvFile(back, ctx, snap, target);
    else await writeEditor(back, ctx.editor!);
  } catch {
    // Best effort; the caller reports the original failure.
  }
}
