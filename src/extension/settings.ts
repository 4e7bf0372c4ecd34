// The gomodDoctor.* settings the language server reads at start, as InitializationOptions. Pure: the caller passes a
// reader (vscode.workspace.getConfiguration('gomodDoctor').get in the extension), so the mapping is unit-tested.
import type { InitializationOptions } from '../protocol';

export type SettingReader = (key: string) => unknown;

/** Settings the server only reads at start: a change restarts it (simple, and always correct). */
export const SERVER_SETTINGS = [
  'gomodDoctor.goPath',
  'gomodDoctor.mirrors',
  'gomodDoctor.probeTimeoutMs',
  'gomodDoctor.concurrency',
  'gomodDoctor.backgroundIntervalMinutes',
  'gomodDoctor.networkProbes',
  // The go binary may come from the Go extension's settings (goPath.ts).
  'go.goroot',
  'go.alternateTools',
] as const;

/** The bounds package.json declares; settings.json can hold anything, so values are clamped here too. */
export const LIMITS = {
  probeTimeoutMs: { min: 500, max: 120_000 },
  concurrency: { min: 1, max: 64 },
  backgroundIntervalMinutes: { min: 0, max: 24 * 60 },
} as const;

function integer(value: unknown, bounds: { min: number; max: number }): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}

/** The options a setting changes; a setting left unset (or invalid) leaves the server's default. */
export function serverOptionsFromSettings(read: SettingReader): Partial<InitializationOptions> {
  const out: Partial<InitializationOptions> = {};
  const mirrors = read('mirrors');
  if (Array.isArray(mirrors)) {
    const list = mirrors.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => m.trim());
    if (list.length) out.mirrors = list;
  }
  const timeoutMs = integer(read('probeTimeoutMs'), LIMITS.probeTimeoutMs);
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  const concurrency = integer(read('concurrency'), LIMITS.concurrency);
  if (concurrency !== undefined) out.concurrency = concurrency;
  const interval = integer(read('backgroundIntervalMinutes'), LIMITS.backgroundIntervalMinutes);
  if (interval !== undefined) out.backgroundIntervalMin = interval;
  const probes = read('networkProbes');
  if (typeof probes === 'boolean') out.networkProbes = probes;
  return out;
}
