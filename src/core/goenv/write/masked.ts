// Fix ids that we print or send to an editor have their URL credentials masked ("https://***@host", see
// report/redact). Writing such a value as it is would replace the user's credentials with the mask, so before a
// write each masked userinfo is taken back from a value the variable has now (same scheme, host and path).
import type { EnvChange } from '../fixid';

const MASKED_URL = /\b([a-z][a-z0-9+.-]*:\/\/)\*\*\*@([^\s,|'"<>]*)/gi;

/** True when a value carries a masked userinfo. */
export function hasMaskedUserinfo(value: string): boolean {
  return new RegExp(MASKED_URL.source, 'i').test(value);
}

/** The userinfo of `scheme://…@rest` in one of the candidate values, when exactly that URL appears there. */
function userinfoFor(scheme: string, rest: string, candidates: string[]): string | undefined {
  for (const c of candidates) {
    for (const entry of c.split(/[,|\s]/)) {
      const at = entry.indexOf('@');
      if (at < 0 || !entry.toLowerCase().startsWith(scheme.toLowerCase())) continue;
      const userinfo = entry.slice(scheme.length, at);
      if (userinfo && !userinfo.includes('/') && userinfo !== '***' && entry.slice(at + 1) === rest) return userinfo;
    }
  }
  return undefined;
}

/**
 * The change with every masked userinfo restored from `candidates` (the values the variable has in its layers);
 * undefined when one cannot be restored — then the write must be refused, never done with the mask.
 */
export function unmaskChange(change: EnvChange, candidates: string[]): EnvChange | undefined {
  if (change.value === undefined || !hasMaskedUserinfo(change.value)) return change;
  let missing = false;
  const value = change.value.replace(MASKED_URL, (_m, scheme: string, rest: string) => {
    const userinfo = userinfoFor(scheme, rest, candidates);
    if (userinfo === undefined) missing = true;
    return `${scheme}${userinfo ?? '***'}@${rest}`;
  });
  return missing ? undefined : { name: change.name, value };
}
