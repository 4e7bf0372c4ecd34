// Reading and writing the layers: a snapshot of every layer, `go env -w/-u` on the env file, the editor target; show() for messages.
import { readFileSync } from 'node:fs';
import { runGo } from '../../gocmd/run';
import { t } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { EditorSettingsError, type EditorSettingsTarget } from '../editor';
import { parseEnvFile } from '../envfile';
import type { WriteLayer } from '../fixid';
import { loadEnvSnapshot } from '../load';
import type { EnvSnapshot } from '../resolve';
import type { WriteContext } from './types';

export const show = (v: string | undefined) => (v === undefined ? t('env.write.unset-value') : v === '' ? '""' : redactSecrets(v));

export async function snapshotFor(ctx: WriteContext): Promise<EnvSnapshot> {
  const editor = ctx.editor ? await ctx.editor.read() : undefined;
  return loadEnvSnapshot({ goPath: ctx.goPath, env: ctx.env, editor, cwd: ctx.cwd, platform: ctx.platform, timeoutMs: ctx.timeoutMs });
}

class WriteFailure extends Error {}

export async function goEnv(args: string[], ctx: WriteContext, snap: EnvSnapshot, envFilePath: string): Promise<void> {
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
export async function writeEnvFile(changes: Array<{ name: string; value: string | undefined; previous: string | undefined }>, ctx: WriteContext, snap: EnvSnapshot, file: string): Promise<void> {
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

export async function writeEditor(changes: Array<{ name: string; value: string | undefined; previous: string | undefined }>, target: EditorSettingsTarget): Promise<void> {
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

export async function currentValues(layer: WriteLayer, target: string, editor: EditorSettingsTarget | undefined): Promise<Map<string, string>> {
  if (layer === 'envfile') return readEnvFileValues(target);
  return new Map(Object.entries(editor ? await editor.read() : {}));
}
