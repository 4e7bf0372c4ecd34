import type { Finding, Range } from '../../finding';

/** What the local rules know besides the file text. */
export interface LocalContext {
  /** Absolute path of the file being checked. */
  file: string;
  /** The local toolchain's Go version ("1.26.8"), when go could be run. */
  localGoVersion?: string;
}

export type Family = 'gomod' | 'gowork' | 'gosum';

export function finding(
  code: string,
  severity: Finding['severity'],
  message: string,
  file: string,
  range: Range,
  extra: Partial<Finding> = {},
): Finding {
  return { code, severity, message, file, range, ...extra };
}
