// GOSUMDB values as cmd/go's dbDial reads them: off, a known name, name+hash+key, and an optional URL.
import { createHash } from 'node:crypto';
import { parseGoUrl } from './goproxy';

/** cmd/go's knownGOSUMDB: the only name that may be given without its key. */
export const KNOWN_SUMDB_KEYS: Readonly<Record<string, string>> = {
  'sum.golang.org': 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
};

/** An alias reachable inside mainland China; the database name stays sum.golang.org. */
export const SUMDB_CN_ALIAS = 'sum.golang.google.cn';

export type SumdbConfig =
  | { kind: 'off' }
  | {
      kind: 'db';
      /** The database name from the verifier key (e.g. sum.golang.org). */
      name: string;
      /** The full verifier key name+hash+key. */
      key: string;
      /** The explicit base URL; when set, GOPROXY is not used for checksum traffic. */
      url?: string;
      /** https://<name>, used when no proxy offers the database. */
      direct: string;
      /** How the value was written. */
      form: 'name' | 'name+key' | 'alias';
    }
  | { kind: 'error'; error: string };

function strictBase64(s: string): Buffer | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const buf = Buffer.from(s, 'base64');
  return buf.toString('base64') === s ? buf : undefined;
}

/** note.NewVerifier: name+hash+base64(alg||key); returns the error text the go command prints, or the name. */
export function parseVerifierKey(vkey: string): { name?: string; error?: string } {
  const p1 = vkey.indexOf('+');
  const name = p1 >= 0 ? vkey.slice(0, p1) : vkey;
  const after = p1 >= 0 ? vkey.slice(p1 + 1) : '';
  const p2 = after.indexOf('+');
  const hash16 = p2 >= 0 ? after.slice(0, p2) : after;
  const key64 = p2 >= 0 ? after.slice(p2 + 1) : '';
  const key = strictBase64(key64);
  const validName = name !== '' && !/\s/.test(name) && !name.includes('+');
  if (hash16.length !== 8 || !/^[0-9a-fA-F]{8}$/.test(hash16) || !key || !validName || key.length === 0) {
    return { error: 'malformed verifier id' };
  }
  const h = createHash('sha256').update(name + '\n').update(key).digest();
  if (h.readUInt32BE(0) !== parseInt(hash16, 16)) return { error: 'invalid verifier hash' };
  if (key[0] !== 1) return { error: 'unknown verifier algorithm' };
  if (key.length !== 33) return { error: 'malformed verifier id' };
  return { name };
}

/** Parses a GOSUMDB value; `kind: "error"` carries the go command's own message. */
export function parseGosumdb(value: string): SumdbConfig {
  let v = value;
  let form: 'name' | 'name+key' | 'alias' = 'name+key';
  if (v === SUMDB_CN_ALIAS) {
    v = `sum.golang.org https://${SUMDB_CN_ALIAS}`;
    form = 'alias';
  }
  if (v === 'off') return { kind: 'off' };
  const fields = v.split(/\s+/).filter((f) => f !== '');
  if (fields.length >= 1 && KNOWN_SUMDB_KEYS[fields[0]]) {
    fields[0] = KNOWN_SUMDB_KEYS[fields[0]];
    if (form !== 'alias') form = 'name';
  }
  if (fields.length === 0) return { kind: 'error', error: 'missing GOSUMDB' };
  if (fields.length > 2) return { kind: 'error', error: 'invalid GOSUMDB: too many fields' };
  const vk = parseVerifierKey(fields[0]);
  if (vk.error) return { kind: 'error', error: `invalid GOSUMDB: ${vk.error}` };
  const name = vk.name!;
  const direct = parseGoUrl('https://' + name).url;
  if (!direct || name.endsWith('/') || direct.host === '' || direct.userinfo !== undefined || direct.query !== undefined || direct.fragment !== undefined || /%/.test(direct.path)) {
    return { kind: 'error', error: `invalid sumdb name (must be host[/path]): ${name}` };
  }
  const out: SumdbConfig = { kind: 'db', name, key: fields[0], direct: 'https://' + name, form };
  if (fields.length === 2) {
    const u = parseGoUrl(fields[1]);
    if (u.error) return { kind: 'error', error: `invalid GOSUMDB URL: ${u.error}` };
    out.url = fields[1];
  }
  return out;
}
