// Secrets never reach the log, the clipboard or a document: the same idea as the engine's redaction (URL userinfo,
// secret-named assignments), small enough to live on the extension side, which does not import the engine.
const MASK = '***';
const SECRET_NAME = '[\\w.-]*(?:token|password|passwd|secret|api[_-]?key|apikey|signature|credential)[\\w.-]*';

/** scheme://user:pass@host → scheme://***@host; token=…, password=… → token=***. */
export function redact(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi, `$1${MASK}@`)
    .replace(new RegExp(`(^|[?&;\\s,'"])(${SECRET_NAME})=[^&#\\s'",;]+`, 'gim'), `$1$2=${MASK}`);
}
