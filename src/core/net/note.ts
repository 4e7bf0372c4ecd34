// Signed notes (golang.org/x/mod/sumdb/note) and checksum-database tree heads and lookup records, verified with
// node:crypto's Ed25519. Keys come from GOSUMDB ("name+hash+base64(0x01‖key)").
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export interface Verifier {
  name: string;
  hash: number;
  key: KeyObject;
}

export class NoteError extends Error {
  constructor(
    readonly kind: 'malformed-note' | 'bad-signature' | 'unknown-key',
    message: string,
  ) {
    super(message);
  }
}

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function keyHash(name: string, keyBytes: Buffer): number {
  return createHash('sha256').update(name + '\n').update(keyBytes).digest().readUInt32BE(0);
}

/** A verifier from a GOSUMDB key; throws with the go command's wording when the key is malformed. */
export function verifierFromKey(vkey: string): Verifier {
  const i = vkey.indexOf('+');
  const j = i < 0 ? -1 : vkey.indexOf('+', i + 1);
  if (i <= 0 || j < 0) throw new Error('malformed verifier id');
  const name = vkey.slice(0, i);
  const hashHex = vkey.slice(i + 1, j);
  const keyBytes = Buffer.from(vkey.slice(j + 1), 'base64');
  if (!/^[0-9a-f]{8}$/.test(hashHex) || /\s|\+/.test(name) || keyBytes.length === 0) throw new Error('malformed verifier id');
  const hash = keyHash(name, keyBytes);
  if (hash !== parseInt(hashHex, 16)) throw new Error('invalid verifier hash');
  if (keyBytes[0] !== 1) throw new Error('unknown verifier algorithm');
  if (keyBytes.length !== 33) throw new Error('malformed verifier id');
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, keyBytes.subarray(1)]), format: 'der', type: 'spki' });
  return { name, hash, key };
}

export interface OpenedNote {
  text: string;
  /** Signatures by keys we do not know: name and key hash. */
  unverified: Array<{ name: string; hash: string }>;
}

/** note.Open with a single known verifier. */
export function openNote(msg: Buffer, v: Verifier): OpenedNote {
  const s = msg.toString('utf8');
  if (!Buffer.from(s, 'utf8').equals(msg) || /[\x00-\x09\x0b-\x1f]/.test(s)) throw new NoteError('malformed-note', 'malformed note: not UTF-8 text');
  const split = s.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed-note', 'malformed note: no signature block');
  const text = s.slice(0, split + 1);
  const sigs = s.slice(split + 2);
  if (sigs === '' || !sigs.endsWith('\n')) throw new NoteError('malformed-note', 'malformed note: bad signature block');
  const lines = sigs.slice(0, -1).split('\n');
  if (lines.length > 100) throw new NoteError('malformed-note', 'malformed note: too many signatures');
  const unverified: OpenedNote['unverified'] = [];
  let ok = false;
  for (const line of lines) {
    if (!line.startsWith('\u2014 ')) throw new NoteError('malformed-note', 'malformed note: signature line without "— "');
    const rest = line.slice(2);
    const sp = rest.indexOf(' ');
    if (sp <= 0) throw new NoteError('malformed-note', 'malformed note: signature line');
    const name = rest.slice(0, sp);
    const sig = Buffer.from(rest.slice(sp + 1), 'base64');
    if (sig.length < 5) throw new NoteError('malformed-note', 'malformed note: short signature');
    const hash = sig.readUInt32BE(0);
    if (name !== v.name || hash !== v.hash) {
      unverified.push({ name, hash: sig.subarray(0, 4).toString('hex') });
      continue;
    }
    if (!verify(null, Buffer.from(text, 'utf8'), v.key, sig.subarray(4))) {
      throw new NoteError('bad-signature', `invalid signature for key ${v.name}+${v.hash.toString(16).padStart(8, '0')}`);
    }
    ok = true;
  }
  if (!ok) {
    const by = unverified.map((u) => `${u.name}+${u.hash}`).join(', ');
    throw new NoteError('unknown-key', `note has no verifiable signatures (signed by ${by || 'nobody'})`);
  }
  return { text, unverified };
}

export interface TreeHead {
  size: bigint;
  hash: string;
}

/** tlog.ParseTree: "go.sum database tree\n<N>\n<base64 hash>\n" and optional extra lines. */
export function parseTree(text: string): TreeHead {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[0] !== 'go.sum database tree' || !/^(0|[1-9][0-9]*)$/.test(lines[1])) {
    throw new NoteError('malformed-note', 'malformed tree note');
  }
  const h = Buffer.from(lines[2], 'base64');
  if (h.length !== 32 || h.toString('base64') !== lines[2]) throw new NoteError('malformed-note', 'malformed tree note');
  return { size: BigInt(lines[1]), hash: lines[2] };
}

export interface LookupRecord {
  id: bigint;
  /** The go.sum lines of the record. */
  lines: string[];
  tree: TreeHead;
}

/** A /lookup answer: record id, record text, blank line, signed tree note. */
export function parseLookup(body: Buffer, v: Verifier): LookupRecord {
  const s = body.toString('utf8');
  const nl = s.indexOf('\n');
  const id = s.slice(0, nl);
  if (nl < 0 || !/^(0|[1-9][0-9]*)$/.test(id)) throw new NoteError('malformed-note', 'malformed lookup response: no record number');
  const blank = s.indexOf('\n\n', nl);
  if (blank < 0) throw new NoteError('malformed-note', 'malformed lookup response: no tree note');
  const record = s.slice(nl + 1, blank + 1);
  const note = openNote(Buffer.from(s.slice(blank + 2), 'utf8'), v);
  const tree = parseTree(note.text);
  if (BigInt(id) >= tree.size) throw new NoteError('malformed-note', 'lookup record is outside the signed tree');
  return { id: BigInt(id), lines: record.split('\n').filter((l) => l !== ''), tree };
}
