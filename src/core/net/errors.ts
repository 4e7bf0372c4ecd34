// Turning Node's network errors into a stage and a failure kind.
import type { CertInfo, ConnectTrace, Failure, FailureKind, Stage } from './types';

/** An error that already knows where it happened; thrown by the staged connector, caught by the client. */
export class StageError extends Error {
  constructor(
    readonly failure: Failure,
    readonly trace?: ConnectTrace,
    readonly cert?: CertInfo,
  ) {
    super(failure.detail);
  }
}

export function fail(kind: FailureKind, stage: Stage, detail: string, errno?: string): Failure {
  const f: Failure = { kind, stage, detail };
  if (errno) f.errno = errno;
  return f;
}

const TCP_KINDS: Record<string, FailureKind> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ENETDOWN: 'unreachable',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
};

/** Classifies an error from a socket at a given stage (tcp: connecting; http: request/response). */
export function classifyError(err: unknown, stage: Stage): Failure {
  if (err instanceof StageError) return err.failure;
  const e = err as NodeJS.ErrnoException & { code?: string };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(err);
  if (code === 'ABORT_ERR' || e?.name === 'AbortError') return fail('cancelled', stage, 'cancelled', code);
  if (code && TCP_KINDS[code]) return fail(TCP_KINDS[code], stage, message, code);
  if (code && code.startsWith('HPE_')) return fail('bad-response', stage, message, code);
  if (message === 'socket hang up') return fail('reset', stage, message, code);
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || (code ?? '').startsWith('ERR_SSL_')) {
    return fail('tls-handshake', stage === 'http' ? 'http' : 'tls', message, code);
  }
  return fail(stage === 'http' ? 'reset' : 'unreachable', stage, message, code);
}

/** Which failure a TLS verification code means (OpenSSL names, as Node reports them). */
export function tlsKind(verifyError: string): FailureKind {
  switch (verifyError) {
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return 'tls-expired';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'tls-hostname';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_UNTRUSTED':
      return 'tls-unknown-ca';
    default:
      return 'tls-handshake';
  }
}
