// Undo of the last journaled env write, after checking that nobody changed those values since.
import { t } from '../../i18n';
import { JsonSettingsFileTarget, type EditorSettingsTarget } from '../editor';
import { pathFor } from '../envfile';
import type { WriteLayer } from '../fixid';
import { LockTimeoutError, readJournal, withLock, writeJournal, type JournalChange } from '../journal';
import { currentValues, show, snapshotFor, writeEditor, writeEnvFile } from './layers';
import type { UndoResult, WriteContext } from './types';

function editorTargetFor(description: string, ctx: WriteContext): EditorSettingsTarget | undefined {
  if (ctx.editor && ctx.editor.description === description) return ctx.editor;
  const found = ctx.editorFor?.(description);
  if (found) return found;
  return pathFor(ctx.platform ?? process.platform).isAbsolute(description) ? new JsonSettingsFileTarget(description) : undefined;
}

/** Restores the state before the last journaled write, after checking nobody changed those values since. */
export async function undoLastWrite(ctx: WriteContext, opts: { force?: boolean } = {}): Promise<UndoResult> {
  try {
    return await withLock(ctx.stateDir, async () => {
      const journal = readJournal(ctx.stateDir);
      const entry = journal.entries[journal.entries.length - 1];
      if (!entry) return { status: 'empty' as const, reason: t('env.undo.empty') };
      const snap = await snapshotFor(ctx);
      // Group by (layer, target), and check each value is still what we wrote.
      const groups = new Map<string, { layer: WriteLayer; target: string; changes: JournalChange[] }>();
      for (const c of entry.changes) {
        const key = `${c.layer}\u0000${c.target}`;
        if (!groups.has(key)) groups.set(key, { layer: c.layer, target: c.target, changes: [] });
        groups.get(key)!.changes.push(c);
      }
      for (const g of groups.values()) {
        const editor = g.layer === 'editor' ? editorTargetFor(g.target, ctx) : undefined;
        if (g.layer === 'editor' && !editor) return { status: 'failed' as const, entry, reason: t('env.write.failed', { reason: t('env.write.no-editor') }) };
        let now: Map<string, string>;
        try {
          now = await currentValues(g.layer, g.target, editor);
        } catch (err) {
          return { status: 'failed' as const, entry, reason: t('env.write.failed', { reason: (err as Error).message }) };
        }
        for (const c of g.changes) {
          const actual = now.has(c.name) ? now.get(c.name)! : null;
          if (actual !== c.next && !opts.force) {
            return {
              status: 'conflict' as const,
              entry,
              reason: t('env.undo.conflict', { name: c.name, layer: c.layer, actual: show(actual ?? undefined), expected: show(c.next ?? undefined) }),
            };
          }
        }
      }
      const restored: Array<{ layer: WriteLayer; target: string; back: Array<{ name: string; value: string | undefined; previous: string | undefined }> }> = [];
      try {
        for (const g of groups.values()) {
          const back = g.changes.map((c) => ({ name: c.name, value: c.previous ?? undefined, previous: c.next ?? undefined })).reverse();
          if (g.layer === 'envfile') await writeEnvFile(back, ctx, snap, g.target);
          else await writeEditor(back, editorTargetFor(g.target, ctx)!);
          restored.push({ layer: g.layer, target: g.target, back });
        }
      } catch (err) {
        // Put back what was already restored, so a failed undo leaves the state as it was.
        for (const r of restored) {
          const forward = r.back.map((c) => ({ name: c.name, value: c.previous, previous: c.value }));
          if (r.layer === 'envfile') await writeEnvFile(forward, ctx, snap, r.target).catch(() => undefined);
          else await writeEditor(forward, editorTargetFor(r.target, ctx)!).catch(() => undefined);
        }
        return { status: 'failed' as const, entry, reason: t('env.write.failed', { reason: (err as Error).message }) };
      }
      journal.entries.pop();
      writeJournal(ctx.stateDir, journal);
      const summary = entry.changes.map((c) => `${c.name}=${show(c.previous ?? undefined)} (${c.layer})`).join(', ');
      return { status: 'restored' as const, entry, reason: t('env.undo.done', { changes: summary }) };
    }, ctx.lockTimeoutMs);
  } catch (err) {
    const reason = err instanceof LockTimeoutError ? t('env.write.lock-timeout', { file: err.lockFile }) : (err as Error).message;
    return { status: 'failed', reason: t('env.write.failed', { reason }) };
  }
}
