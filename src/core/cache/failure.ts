// Why removing part of a cache failed, in words: the errno codes of the failed removals (or the go command's
// stderr when it ran alone) name one cause, and each cause has its own way out.
import type { FixRef } from '../finding';
import { t, type MessageKey } from '../i18n';
import type { RemoveFailure } from './remove';

export type FailureCause = 'read-only' | 'permission' | 'no-space' | 'busy';

const BY_CODE: Record<string, FailureCause> = { EROFS: 'read-only', EACCES: 'permission', EPERM: 'permission', ENOSPC: 'no-space', EBUSY: 'busy' };
const BY_TEXT: Array<[RegExp, FailureCause]> = [
  [/read-only file system/i, 'read-only'],
  [/permission denied|operation not permitted/i, 'permission'],
  [/no space left on device/i, 'no-space'],
  [/device or resource busy/i, 'busy'],
];

/** The most frequent known cause among the failures, else the first one the go command's stderr names. */
export function failureCause(failures: readonly RemoveFailure[], goStderr = ''): FailureCause | undefined {
  const counts = new Map<FailureCause, number>();
  for (const f of failures) {
    const c = BY_CODE[f.code];
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (top) return top[0];
  return BY_TEXT.find(([re]) => re.test(goStderr))?.[1];
}

/** One sentence for the cause ('' when unknown), to follow the message that says what was left. */
export function causeSentence(cause: FailureCause | undefined): string {
  return cause ? ' ' + t(`cache.cause.${cause}` as MessageKey) : '';
}

/** The advice for the cause; the generic one when it is unknown. `id` stays the caller's finding id. */
export function causeFix(id: string, cause: FailureCause | undefined, cachePath: string): FixRef {
  switch (cause) {
    case 'read-only':
      return { id, title: t('cache.fix.read-only-fs') };
    case 'permission':
      return { id, title: t('cache.fix.foreign-owner', { path: cachePath }) };
    case 'no-space':
      return { id, title: t('cache.fix.disk-full') };
    default:
      return { id, title: t('cache.fix.clean-incomplete', { path: cachePath }) };
  }
}
