// The one module that changes the Go environment. It reads every layer first, computes the effective result of
// the change, refuses a write that a higher layer would shadow (offering the layer that works), writes the env
// file only through `go env -w` / `go env -u` and the editor layer only through an EditorSettingsTarget,
// verifies the result, and journals the previous state so that undo restores it exactly.
import { readFileSync } from 'node:fs';
import { runGo } from '../gocmd/run';
import { redactSecrets } from '../report/redact';
import { EditorSettingsError, JsonSettingsFileTarget, type EditorSettingsTarget } from './editor';
import { looksLikeEnvFileText, parseEnvFile, pathFor } from './envfile';
import { formatFixId, type EnvChange, type EnvFix, type WriteLayer } from './fixid';
import { newEntryId, readJournal, withLock, writeJournal, type JournalChange, type JournalEntry, LockTimeoutError } from './journal';
import { loadEnvSnapshot } from './load';
import { t } from '../i18n';
import { resolveEnv, type EnvSnapshot, type LayerValue, type ResolvedVar } from './resolve';
import { KNOWN_GO_ENV, OS_ONLY_GO_VARS, OS_ONLY_TOOL_VARS, READ_ONLY_GO_VARS } from './vars';

export interface WriteContext {
  /** The go binary (path or name on PATH). */
  goPath?: string;
  /** The user's OS environment (the process layer); process.env when absent. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  platform?: NodeJS.Platform;
  /** Directory for the journal and its lock. */
  stateDir: string;
  /** The editor layer, when there is one (the extension's VS Code settings, or a settings.json). */
  editor?: EditorSettingsTarget;
  /** Finds the editor target named in a journal entry (for undo); defaults to a settings.json at that path. */
  editorFor?: (description: string) => EditorSettingsTarget | undefined;
  timeoutMs?: number;
  lockTimeoutMs?: number;
}

export interface PlannedChange {
  name: string;
  /** The new value; undefined removes it from the layer. */
  value: string | undefined;
  layer: WriteLayer;
  /** The value in that layer now; undefined when absent. */
  previous: string | undefined;
  before: ResolvedVar;
  after: ResolvedVar;
  /** The layer already holds this value. */
  noop: boolean;
  /** The effective value after the write is the written one (or, for a removal, no longer comes from this layer). */
  takesEffect: boolean;
  /** The higher layer that wins over the written value. */
  shadowedBy?: LayerValue;
  /** Why this change cannot be written at all (read-only variable, bad value, no env file…). */
  problem?: string;
  /** Shell lines that change the OS environment instead (when the OS environment shadows the write). */
  shellLines?: string[];
  /** The editor layer would work (VS Code's tools see it) and a target is available. */
  editorWorks?: boolean;
}

export interface WritePlan {
  layer: WriteLayer;
  fixId: string;
  changes: PlannedChange[];
  /** Where the change goes: the env file path or the editor target's description. */
  target?: string;
  /** Problems that stop the whole write. */
  problems: string[];
  allTakeEffect: boolean;
  noop: boolean;
}

export type WriteStatus = 'written' | 'noop' | 'refused' | 'failed';

export interface WriteResult {
  status: WriteStatus;
  plan: WritePlan;
  entry?: JournalEntry;
  /** Why it was refused or failed (already localized). */
  reason?: string;
}

export interface UndoResult {
  status: 'restored' | 'empty' | 'conflict' | 'failed';
  entry?: JournalEntry;
  reason?: string;
}

const show = (v: string | undefined) => (v === undefined ? t('env.write.unset-value') : v === '' ? '""' : redactSecrets(v));

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/** The exact lines to change the OS environment instead, for the user's shell. */
export function shellLines(name: string, value: string | undefined, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const ps = value === undefined ? '$null' : `'${value.replace(/'/g, "''")}'`;
    return [`[Environment]::SetEnvironmentVariable('${name}', ${ps}, 'User')`];
  }
  return value === undefined ? [`unset ${name}`] : [`export ${name}=${shellQuote(value)}`, `unset ${name}   # or remove it, so that \`go env -w\` applies`];
}

/** updateEnvFile's effect on the text: replace the last line of a key (dropping earlier duplicates), append new keys, drop removed ones. */
export function applyToEnvFileText(text: string, changes: EnvChange[]): string {
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  const keyOf = (l: string) => {
    const i = l.indexOf('=');
    return i < 0 || l.slice(0, i).includes('#') ? '' : l.slice(0, i);
  };
  const last = new Map<string, number>();
  lines.forEach((l, i) => {
    const k = keyOf(l);
    if (k) {
      if (last.has(k)) lines[last.get(k)!] = '';
      last.set(k, i);
    }
  });
  for (const c of changes) {
    const at = last.get(c.name);
    if (c.value === undefined) {
      if (at !== undefined) lines[at] = '';
    } else if (at !== undefined) lines[at] = `${c.name}=${c.value}\n`;
    else lines.push(`${c.name}=${c.value}\n`);
  }
  return lines.join('');
}

/** checkEnvWrite's rules, so that refusals are explained before go is run. */
export function validateEnvFileChange(c: EnvChange, envFileKeys: ReadonlySet<string>, platform: NodeJS.Platform): string | undefined {
  const { name, value } = c;
  if (READ_ONLY_GO_VARS.has(name)) return t('env.write.read-only-var', { name });
  if (OS_ONLY_GO_VARS.has(name) || (OS_ONLY_TOOL_VARS.has(name) && !envFileKeys.has(name))) return t('env.write.os-only-var', { name });
  if (value === undefined) return undefined; // removing: only names present in the file are touched at all
  if (!KNOWN_GO_ENV.has(name) && !envFileKeys.has(name)) return t('env.write.unknown-var', { name });
  const bad = (reason: string) => t('env.write.bad-value', { name, reason });
  if (value.includes('\n') || value.includes('\r')) return bad('newline');
  if (value.includes('\0')) return bad('NUL');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return bad('invalid UTF-8');
  const api = pathFor(platform);
  if (name === 'GO111MODULE' && !['', 'auto', 'on', 'off'].includes(value)) return bad(`invalid GO111MODULE value "${value}"`);
  if (name === 'GOPATH') {
    for (const p of value.split(platform === 'win32' ? ';' : ':')) {
      if (p === '') continue;
      if (p.startsWith('~')) return bad(`GOPATH entry cannot start with shell metacharacter '~': "${p}"`);
      if (!api.isAbsolute(p)) return bad(`GOPATH entry is relative; must be absolute path: "${p}"`);
    }
  }
  if ((name === 'GOMODCACHE' || name === 'GOTMPDIR') && value !== '' && !api.isAbsolute(value)) return bad(`${name} must be an absolute path`);
  return undefined;
}

async function snapshotFor(ctx: WriteContext): Promise<EnvSnapshot> {
  const editor = ctx.editor ? await ctx.editor.read() : undefined;
  return loadEnvSnapshot({ goPath: ctx.goPath, env: ctx.env, editor, cwd: ctx.cwd, platform: ctx.platform, timeoutMs: ctx.timeoutMs });
}

function rawEnvFileProblem(snap: EnvSnapshot): string | undefined {
  if (!snap.envFile.path) return t('env.write.no-envfile', { reason: snap.envFile.error ?? 'GOENV' });
  let buf: Buffer;
  try {
    buf = readFileSync(snap.envFile.path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return undefined;
    return t('env.write.envfile-unreadable', { file: snap.envFile.path, reason: e.message });
  }
  return looksLikeEnvFileText(buf) ? undefined : t('env.write.envfile-not-text', { file: snap.envFile.path });
}

/** Computes what a fix would do, layer by layer, without writing anything. */
export async function planEnvWrite(fix: EnvFix, ctx: WriteContext): Promise<WritePlan> {
  const snap = await snapshotFor(ctx);
  return planFromSnapshot(fix, snap, ctx);
}

export function planFromSnapshot(fix: EnvFix, snap: EnvSnapshot, ctx: Pick<WriteContext, 'editor' | 'platform'>): WritePlan {
  const layer: WriteLayer = fix.layer ?? 'envfile';
  const platform = ctx.platform ?? snap.platform;
  const problems: string[] = [];
  const envFileKeys = new Set(parseEnvFile(snap.envFile.text ?? '').values.keys());
  if (layer === 'envfile') {
    const p = rawEnvFileProblem(snap);
    if (p) problems.push(p);
  } else if (!ctx.editor) problems.push(t('env.write.no-editor'));

  const after: EnvSnapshot =
    layer === 'envfile'
      ? { ...snap, envFile: { ...snap.envFile, text: applyToEnvFileText(snap.envFile.text ?? '', fix.changes) } }
      : { ...snap, editor: applyToRecord(snap.editor ?? {}, fix.changes) };
  const beforeEnv = resolveEnv(snap);
  const afterEnv = resolveEnv(after);
  const changes: PlannedChange[] = fix.changes.map((c) => {
    const previous = layer === 'envfile' ? (envFileKeys.has(c.name) ? parseEnvFile(snap.envFile.text ?? '').values.get(c.name) : undefined) : snap.editor?.[c.name];
    const before = beforeEnv.get(c.name) ?? resolveExtra(snap, c.name);
    const a = afterEnv.get(c.name) ?? resolveExtra(after, c.name);
    const pc: PlannedChange = { name: c.name, value: c.value, layer, previous, before, after: a, noop: previous === c.value, takesEffect: true };
    const problem = layer === 'envfile' ? validateEnvFileChange(c, envFileKeys, platform) : /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name) && !(c.value ?? '').includes('\0') ? undefined : t('env.write.bad-value', { name: c.name, reason: 'name or value' });
    if (problem) pc.problem = problem;
    // Shadowed: after the write, the winning layer is above the one written.
    const order = ['editor', 'process', 'envfile', 'goroot', 'default'];
    if (c.value !== undefined && order.indexOf(a.layer) < order.indexOf(layer) && a.value !== c.value) {
      pc.takesEffect = false;
      pc.shadowedBy = { layer: a.layer, value: a.value };
    } else if (c.value === undefined && a.layer === layer) {
      pc.takesEffect = false;
    }
    if (!pc.takesEffect && pc.shadowedBy) {
      if (pc.shadowedBy.layer === 'process') pc.shellLines = shellLines(c.name, c.value, platform);
      if (layer === 'envfile' && ctx.editor) pc.editorWorks = true;
    }
    return pc;
  });
  for (const c of changes) if (c.problem) problems.push(`${c.name}: ${c.problem}`);
  return {
    layer,
    fixId: formatFixId({ layer, changes: fix.changes }),
    changes,
    target: layer === 'envfile' ? snap.envFile.path : ctx.editor?.description,
    problems,
    allTakeEffect: changes.every((c) => c.takesEffect),
    noop: changes.every((c) => c.noop),
  };
}

function applyToRecord(rec: Record<string, string>, changes: EnvChange[]): Record<string, string> {
  const out = { ...rec };
  for (const c of changes) {
    if (c.value === undefined) delete out[c.name];
    else out[c.name] = c.value;
  }
  return out;
}

/** A variable outside the module list (e.g. GONOSUMCHECK): its value is simply the highest layer that has it. */
function resolveExtra(snap: EnvSnapshot, name: string): ResolvedVar {
  const file = parseEnvFile(snap.envFile.text ?? '').values.get(name);
  const present: LayerValue[] = [];
  if (snap.editor && name in snap.editor) present.push({ layer: 'editor', value: snap.editor[name] });
  if (snap.process[name] !== undefined) present.push({ layer: 'process', value: snap.process[name]! });
  if (file !== undefined) present.push({ layer: 'envfile', value: file });
  const win = present.find((p) => p.value !== '') ?? present[present.length - 1];
  return { name, value: win?.value ?? '', layer: win?.layer ?? 'default', shadowed: present.filter((p) => p !== win && p.value !== ''), ignored: [], notes: [] };
}

/** Human-readable lines for a plan (used by the CLI and shown before writing). */
export function describePlan(plan: WritePlan): string[] {
  const out: string[] = [];
  for (const c of plan.changes) {
    out.push(t('env.write.effective', { name: c.name, before: show(c.before.value), after: show(c.after.value), layer: c.after.layer }));
    if (c.problem) out.push('  ' + c.problem);
    if (c.shadowedBy) {
      out.push('  ' + t('env.write.shadowed', { name: c.name, layer: c.layer, winnerLayer: c.shadowedBy.layer, winner: show(c.shadowedBy.value) }));
      if (c.editorWorks) out.push('  ' + t('env.write.alt-editor'));
      if (c.shellLines) {
        out.push('  ' + t('env.write.alt-shell', { name: c.name }));
        for (const l of c.shellLines) out.push('    ' + redactSecrets(l));
      }
    }
  }
  return out;
}

class WriteFailure extends Error {}

async function goEnv(args: string[], ctx: WriteContext, snap: EnvSnapshot, envFilePath: string): Promise<void> {
  const r = await runGo(['env', ...args], {
    goPath: ctx.goPath,
    baseEnv: { ...snap.process, ...(snap.editor ?? {}) },
    env: { GOENV: envFilePath },
    cwd: ctx.cwd,
    timeoutMs: ctx.timeoutMs ?? 20_000,
  });
  if (r.timedOut) throw new WriteFailure(`go env ${args[0]} timed out`);
  if (r.code !== 0) throw new WriteFailure(redactSecrets(r.stderr.trim() || `go env ${args[0]} exited with ${r.code}`));
}

/** Writes env-file changes with at most one `go env -w` and one `go env -u`, rolling back the first if the second fails. */
async function writeEnvFile(changes: Array<{ name: string; value: string | undefined; previous: string | undefined }>, ctx: WriteContext, snap: EnvSnapshot, file: string): Promise<void> {
  const sets = changes.filter((c) => c.value !== undefined);
  const unsets = changes.filter((c) => c.value === undefined);
  if (sets.length) await goEnv(['-w', ...sets.map((c) => `${c.name}=${c.value}`)], ctx, snap, file);
  try {
    if (unsets.length) await goEnv(['-u', ...unsets.map((c) => c.name)], ctx, snap, file);
  } catch (err) {
    if (sets.length) {
      const back = sets.map((c) => ({ name: c.name, value: c.previous, previous: c.value }));
      await writeEnvFile(back, ctx, snap, file).catch(() => undefined);
    }
    throw err;
  }
}

function readEnvFileValues(file: string): Map<string, string> {
  try {
    return parseEnvFile(readFileSync(file, 'utf8')).values;
  } catch {
    return new Map();
  }
}

async function writeEditor(changes: Array<{ name: string; value: string | undefined; previous: string | undefined }>, target: EditorSettingsTarget): Promise<void> {
  const done: typeof changes = [];
  try {
    for (const c of changes) {
      await target.write(c.name, c.value);
      done.push(c);
    }
  } catch (err) {
    for (const c of done.reverse()) await target.write(c.name, c.previous).catch(() => undefined);
    throw new WriteFailure(err instanceof EditorSettingsError ? err.message : String(err));
  }
}

async function currentValues(layer: WriteLayer, target: string, editor: EditorSettingsTarget | undefined): Promise<Map<string, string>> {
  if (layer === 'envfile') return readEnvFileValues(target);
  return new Map(Object.entries(editor ? await editor.read() : {}));
}

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
