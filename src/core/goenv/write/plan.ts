// Planning an env write without writing: effective values before and after, shadowing, problems, and the plan as text.
import { readFileSync } from 'node:fs';
import { t } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { looksLikeEnvFileText, parseEnvFile } from '../envfile';
import { formatFixId, type EnvChange, type EnvFix, type WriteLayer } from '../fixid';
import { resolveEnv, type EnvSnapshot, type LayerValue, type ResolvedVar } from '../resolve';
import { applyToEnvFileText, validateEnvFileChange } from './envFileText';
import { unmaskChange } from './masked';
import { show, snapshotFor } from './layers';
import type { PlannedChange, WriteContext, WritePlan } from './types';

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

function rawEnvFileProblem(snap: EnvSnapshot): string | undefined {
  if (!snap.envFile.path) return t('env.write.no-envfile', { reason: snap.envFile.error ?? 'GOENV' });
  // The snapshot could not read it (a directory, a pipe, a symlink loop): do not try again, a pipe would block.
  if (snap.envFile.error) return t('env.write.envfile-unreadable', { file: snap.envFile.path, reason: snap.envFile.error });
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

  const beforeEnv = resolveEnv(snap);
  // Masked credentials in the fix ("https://***@host") come back from the values the variable has now.
  const toWrite = fix.changes.map((c) => {
    const now = beforeEnv.get(c.name) ?? resolveExtra(snap, c.name);
    const unmasked = unmaskChange(c, [now.value, ...now.shadowed.map((s) => s.value), ...now.ignored.map((s) => s.value)]);
    if (!unmasked) problems.push(`${c.name}: ${t('env.write.masked-credential', { name: c.name })}`);
    return unmasked ?? c;
  });
  const after: EnvSnapshot =
    layer === 'envfile'
      ? { ...snap, envFile: { ...snap.envFile, text: applyToEnvFileText(snap.envFile.text ?? '', toWrite) } }
      : { ...snap, editor: applyToRecord(snap.editor ?? {}, toWrite) };
  const afterEnv = resolveEnv(after);
  const changes: PlannedChange[] = toWrite.map((c) => {
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
