// Shared shapes of the network probes: stages, failure kinds, per-request traces, options.

/** The stage a probe reached or failed at (DESIGN.md §3 `probe` JSON, contract). */
export type Stage = 'dns' | 'tcp' | 'tls' | 'http' | 'protocol' | 'done';

/**
 * What went wrong, independent of the family (proxy or sumdb). A Finding code is `<family>.<kind>`; kinds that
 * only make sense for one family are named accordingly (bad-signature is only sumdb).
 */
export type FailureKind =
  // connection
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'timeout'
  | 'reset'
  | 'proxyconnect'
  | 'tls-unknown-ca'
  | 'tls-hostname'
  | 'tls-expired'
  | 'tls-handshake'
  // HTTP
  | 'auth-required'
  | 'not-found'
  | 'http-4xx'
  | 'http-5xx'
  | 'bad-response'
  | 'empty'
  | 'html'
  | 'truncated'
  | 'body-too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'insecure-redirect'
  // protocol
  | 'bad-json'
  | 'wrong-version'
  | 'bad-list'
  | 'bad-signature'
  | 'unknown-key'
  | 'malformed-note'
  | 'bad-record'
  // the probe itself
  | 'unsupported'
  | 'cancelled'
  // observations that are not failures (reported as warnings or info)
  | 'redirect-other-host'
  | 'slow'
  | 'stale'
  | 'family-unreachable'
  | 'unavailable';

export interface Failure {
  kind: FailureKind;
  stage: Stage;
  /** Technical detail in English (errno, TLS verification code, parse error); never carries credentials. */
  detail: string;
  /** Node's error code when there was one (ECONNREFUSED, CERT_HAS_EXPIRED…). */
  errno?: string;
}

export interface CertInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** subjectAltName as the server presented it ("DNS:a, IP Address:127.0.0.1"). */
  altNames?: string;
  selfSigned: boolean;
  /** OpenSSL/Node verification error code, when the certificate was not accepted. */
  verifyError?: string;
}

export interface FamilyAttempt {
  family: 4 | 6;
  address: string;
  ms?: number;
  error?: string;
}

/** How a connection was set up, stage by stage (absent stages were not needed: IP literal, reused socket). */
export interface ConnectTrace {
  /** The socket came from the keep-alive pool; no connect stages ran for this request. */
  reused: boolean;
  dns?: { ms: number; host: string; addresses: Array<{ address: string; family: number }>; skipped?: 'ip-literal' };
  tcp?: { ms: number; address: string; port: number; families: FamilyAttempt[] };
  /** The HTTP(S) proxy from HTTPS_PROXY/HTTP_PROXY the connection went through (redacted URL). */
  via?: { proxy: string; connectMs?: number; status?: number };
  tls?: { ms: number; protocol?: string; cert?: CertInfo };
}

/** One GET, redirects included. Never carries credentials; `url` and `redirects` are redacted. */
export interface HttpExchange {
  url: string;
  /** The final URL after redirects (redacted). */
  finalUrl: string;
  redirects: string[];
  status?: number;
  contentType?: string;
  /** Time from the request being written to the response headers (last hop). */
  ttfbMs?: number;
  /** Total time of the exchange, all hops. */
  ms: number;
  /** Body bytes received (capped at maxBodyBytes + 1). */
  bytes: number;
  /** The body (up to maxBodyBytes); not for display. */
  body: Buffer;
  connect?: ConnectTrace;
  failure?: Failure;
}

export type LookupAddress = { address: string; family: number };
/** dns.lookup with `{ all: true }`, as a promise; tests inject their own. */
export type LookupFn = (host: string) => Promise<LookupAddress[]>;

export interface NetOptions {
  /** Bound on every single wait (DNS, TCP, TLS, headers, body). Default 5000 ms. */
  timeoutMs?: number;
  /** Bound on everything done for one target. Default 3 × timeoutMs. */
  overallTimeoutMs?: number;
  /** Bodies are read up to this many bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Redirects followed per request (the go command's limit is 10). */
  maxRedirects?: number;
  /** Targets probed at once. Default 4. */
  concurrency?: number;
  /** A probe that got an answer slower than this is reported as slow. Default 2000 ms. */
  slowMs?: number;
  signal?: AbortSignal;
  /**
   * The environment the go command would run with: HTTPS_PROXY/HTTP_PROXY/NO_PROXY (and lower-case twins),
   * NETRC/HOME, GOAUTH, SSL_CERT_FILE/SSL_CERT_DIR. Default process.env.
   */
  env?: Record<string, string | undefined>;
  /** DNS resolution (default dns.lookup with all addresses, in the resolver's order). */
  lookup?: LookupFn;
  /** Trusted CAs in PEM; default: what the go command trusts (SSL_CERT_FILE, else the system bundle). */
  ca?: string | string[];
  /** User-Agent header. */
  userAgent?: string;
  platform?: NodeJS.Platform;
}

export const DEFAULTS = {
  timeoutMs: 5000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 10,
  concurrency: 4,
  slowMs: 2000,
} as const;
