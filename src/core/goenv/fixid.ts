// Env fix ids: `env[@layer]:<change>[&<change>...]`, each change `set:NAME=VALUE` or `unset:NAME`.
// Ids are self-describing so `gomod-doctor fix <id>` needs no state from an earlier run. In VALUE, "%", "&" and
// whitespace are percent-encoded; everything else (",", "|", "/", ":") stays readable.

export type WriteLayer = 'envfile' | 'editor';

export interface EnvChange {
  name: string;
  /** The new value; undefined removes the variable from the layer. */
  value: string | undefined;
}

export interface EnvFix {
  layer?: WriteLayer;
  changes: EnvChange[];
}

const encodeValue = (v: string) => v.replace(/[%&\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

export function formatFixId(fix: EnvFix): string {
  const head = fix.layer && fix.layer !== 'envfile' ? `env@${fix.layer}:` : 'env:';
  return head + fix.changes.map((c) => (c.value === undefined ? `unset:${c.name}` : `set:${c.name}=${encodeValue(c.value)}`)).join('&');
}

/** Parses a fix id; undefined when it is not an env fix id. */
export function parseFixId(id: string): EnvFix | undefined {
  const m = /^env(?:@(envfile|editor))?:(.+)$/s.exec(id);
  if (!m) return undefined;
  const changes: EnvChange[] = [];
  for (const part of m[2].split('&')) {
    const set = /^set:([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(part);
    const unset = /^unset:([A-Za-z_][A-Za-z0-9_]*)$/.exec(part);
    if (set) {
      let value: string;
      try {
        value = decodeURIComponent(set[2].replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
      } catch {
        return undefined;
      }
      changes.push({ name: set[1], value });
    } else if (unset) changes.push({ name: unset[1], value: undefined });
    else return undefined;
  }
  const out: EnvFix = { changes };
  if (m[1]) out.layer = m[1] as WriteLayer;
  return out;
}
