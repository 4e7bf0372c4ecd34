// Formats net messages from their own catalogue family, in the language the rest of the engine uses.
import { getLanguage, type Lang } from '../i18n';
import { netMessages, type NetMessageKey } from '../i18n/catalog/net';

export function hasNetMessage(key: string): key is NetMessageKey {
  return Object.prototype.hasOwnProperty.call(netMessages, key);
}

export function netT(key: NetMessageKey, args: Record<string, string | number> = {}, lang: Lang = getLanguage()): string {
  const entry = netMessages[key];
  const template = lang === 'zh-cn' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
