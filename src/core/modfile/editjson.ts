// The JSON that `go mod edit -json` and `go work edit -json` print, with the same field names, order, omitempty
// behaviour and the same clean-up first (duplicate exclude/replace/tool/ignore lines dropped, entries with an empty
// path dropped), plus a serializer that writes it byte for byte as Go's json.MarshalIndent(v, "", "\t") + "\n".
import type { ModFile, ReplaceStmt, WorkFile } from './types';

type Json = string | boolean | null | Json[] | { [key: string]: Json };

/** module.Version: Version is omitempty. */
const moduleVersion = (path: string, version?: string): { [key: string]: Json } =>
  version ? { Path: path, Version: version } : { Path: path };

const orNull = <T extends Json>(list: T[]): T[] | null => (list.length ? list : null);

/** First occurrence wins (exclude, tool, ignore). */
function firstByKey<T>(list: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Later replacements of the same old module@version win; survivors keep their order. */
function dedupReplace(list: ReplaceStmt[]): ReplaceStmt[] {
  const key = (r: ReplaceStmt) => `${r.old.path.value}\0${r.old.version?.value ?? ''}`;
  const last = new Map<string, ReplaceStmt>();
  for (const r of list) last.set(key(r), r);
  return list.filter((r) => last.get(key(r)) === r);
}

function replaceJson(list: ReplaceStmt[]): Json[] | null {
  const kept = dedupReplace(list).filter((r) => r.old.path.value !== '');
  return orNull(
    kept.map((r) => ({
      Old: moduleVersion(r.old.path.value, r.old.version?.value),
      New: moduleVersion(r.new.path.value, r.new.version?.value),
    })),
  );
}

/** The object `go mod edit -json` prints for this file. */
export function toEditJson(mod: ModFile): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  out.Module = mod.module?.deprecated
    ? { Path: mod.module.path.value, Deprecated: mod.module.deprecated }
    : { Path: mod.module?.path.value ?? '' };
  if (mod.go?.version.value) out.Go = mod.go.version.value;
  if (mod.toolchain?.name.value) out.Toolchain = mod.toolchain.name.value;
  const godebug = mod.godebug.filter((d) => d.key !== '').map((d) => ({ Key: d.key, Value: d.value }));
  if (godebug.length) out.GoDebug = godebug;
  out.Require = orNull(
    mod.require
      .filter((r) => r.path.value !== '')
      .map((r) => {
        const o: { [key: string]: Json } = { Path: r.path.value };
        if (r.version.value) o.Version = r.version.value;
        if (r.indirect) o.Indirect = true;
        return o;
      }),
  );
  const exclude = firstByKey(mod.exclude, (x) => `${x.path.value}\0${x.version.value}`);
  out.Exclude = orNull(exclude.filter((x) => x.path.value !== '').map((x) => moduleVersion(x.path.value, x.version.value)));
  out.Replace = replaceJson(mod.replace);
  out.Retract = orNull(
    mod.retract
      .filter((r) => r.low.value !== '' || r.high.value !== '')
      .map((r) => {
        const o: { [key: string]: Json } = {};
        if (r.low.value) o.Low = r.low.value;
        if (r.high.value) o.High = r.high.value;
        if (r.rationale) o.Rationale = r.rationale;
        return o;
      }),
  );
  out.Tool = orNull(firstByKey(mod.tool, (t) => t.path.value).map((t) => ({ Path: t.path.value })));
  out.Ignore = orNull(firstByKey(mod.ignore, (i) => i.path.value).map((i) => ({ Path: i.path.value })));
  return out;
}

/** The object `go work edit -json` prints for this file (toolchain and godebug are not part of it). */
export function workToEditJson(work: WorkFile): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  if (work.go?.version.value) out.Go = work.go.version.value;
  out.Use = orNull(work.use.filter((u) => u.path.value !== '').map((u) => ({ DiskPath: u.path.value })));
  out.Replace = replaceJson(work.replace);
  return out;
}

/** Go's encoding/json string form: HTML-safe, \b \f \n \r \t short escapes, invalid text as \ufffd. */
function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i] + s[i + 1];
      i++;
      continue;
    }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
    }
    if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd';
    } else {
      out += s[i];
    }
  }
  return out + '"';
}

function marshal(v: Json, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = indent + '\t';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => inner + marshal(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(v).filter((k) => v[k] !== undefined);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${inner}${goJsonString(k)}: ${marshal(v[k], inner)}`).join(',\n') + '\n' + indent + '}';
}

/** Exactly the bytes go prints for `go mod edit -json` / `go work edit -json`: MarshalIndent with tabs + "\n". */
export function formatEditJson(obj: object): string {
  return marshal(obj as Json, '') + '\n';
}
