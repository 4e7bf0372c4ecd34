// Size limits of the local rules. A go.mod is a few KB and a go.sum rarely passes 1 MB; a file far beyond that is
// generated, corrupt or hostile, and checking it would block the editor for seconds. Such a file gets one
// `<family>.too-large` finding instead of being parsed.
import type { Finding } from '../../finding';
import { t } from '../../i18n';
import { finding, type Family } from './context';

const MiB = 1024 * 1024;

/** Largest text (UTF-16 code units, about bytes) that is parsed, per kind. */
export const SIZE_LIMITS = { 'go.mod': 1 * MiB, 'go.work': 1 * MiB, 'go.sum': 8 * MiB } as const;

export type LimitedKind = keyof typeof SIZE_LIMITS;

/** True when a text of this kind is too large to be checked (callers skip their own parsing too). */
export function exceedsSizeLimit(kind: LimitedKind, text: string): boolean {
  return text.length > SIZE_LIMITS[kind];
}

const familyOf: Record<LimitedKind, Family> = { 'go.mod': 'gomod', 'go.work': 'gowork', 'go.sum': 'gosum' };

/** The one finding a too-large file gets, on its first character. */
export function tooLargeFinding(kind: LimitedKind, text: string, file: string, label: string): Finding {
  const message = t('limits.too-large', { file: label, size: (text.length / MiB).toFixed(1), limit: String(SIZE_LIMITS[kind] / MiB) });
  const start = { line: 0, character: 0 };
  return finding(`${familyOf[kind]}.too-large`, 'warning', message, file, { start, end: start }, {
    evidence: { chars: text.length, limit: SIZE_LIMITS[kind] },
  });
}
