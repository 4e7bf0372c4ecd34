import { redactSecrets } from '../core/report/redact';

/** Where a command writes and what it sees: the real process, or a test's capture. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout / stderr are terminals (colour, the progress line). Absent: neither is, as in CI and pipes. */
  isTTY?: { out?: boolean; err?: boolean };
  /** Set by --debug: internals (timings, stack traces) go to stderr. */
  debug?: boolean;
}

/** A mistake in how the command was called: printed without a stack trace, exit status 2. */
export class UsageError extends Error {}

/**
 * Colour on one stream: only on a terminal, never when NO_COLOR is set (no-color.org) or TERM=dumb;
 * FORCE_COLOR (≠ "0") turns it on where a log viewer renders ANSI codes although the stream is a pipe (CI logs).
 */
export function colorEnabled(io: CliIo, stream: 'out' | 'err'): boolean {
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return io.isTTY?.[stream] === true;
}

/** A --debug line on stderr; nothing without --debug. */
export function debugLog(io: CliIo, message: string): void {
  if (io.debug) io.err(redactSecrets(`gomod-doctor: debug: ${message}`) + '\n');
}
