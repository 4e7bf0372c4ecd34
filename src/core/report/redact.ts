// Redaction of secrets in any string that leaves the core (DESIGN.md §4: never print credentials).

const MASK = '***';

/** Query/assignment names whose values are secrets (token=, access_token=, X-Amz-Signature=, password=…). */
const SECRET_NAME = '[\\w.-]*(?:token|password|passwd|secret|api[_-]?key|apikey|signature|credential|private[_-]?key)[\\w.-]*';

const RULES: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // URL userinfo: scheme://user:pass@host → scheme://***@host (tokens are often the user part).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi, `$1${MASK}@`],
  // Authorization / Proxy-Authorization headers; keep the scheme word so the reader sees what kind it was.
  [
    /\b((?:proxy-)?authorization\s*[:=]\s*)(?:(basic|bearer|token|digest|negotiate)\s+)?[^\s,;'"]+/gi,
    (_w: string, head: string, scheme?: string) => `${head}${scheme ? scheme + ' ' : ''}${MASK}`,
  ],
  // token=…, ?access_token=…, &password=… in URLs, query strings and KEY=VALUE lines.
  [new RegExp(`(^|[?&;\\s,'"])(${SECRET_NAME})=[^&#\\s'",;]+`, 'gim'), `$1$2=${MASK}`],
  // A secret-named command-line flag and its value: GOAUTH="helper --token VALUE" (the "--token=VALUE" form is above).
  [new RegExp(`(^|\\s)(--?${SECRET_NAME})(\\s+)(?!-)[^\\s'"]+`, 'gim'), `$1$2$3${MASK}`],
  // Token headers of GitLab and others: "PRIVATE-TOKEN: VALUE", "Job-Token: VALUE".
  [/\b((?:private|job|deploy)-token\s*:\s*)[^\s,;'"]+/gi, `$1${MASK}`],
  // Well-known token shapes that can appear on their own (GitHub, GitLab).
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,})/g, MASK],
];

/** Replaces URL userinfo, secret query/assignment values, Authorization header values and known token shapes. */
export function redactSecrets(s: string): string {
  let out = s;
  for (const [re, rep] of RULES) {
    out = typeof rep === 'string' ? out.replace(re, rep) : out.replace(re, rep as (...m: string[]) => string);
  }
  return out;
}
