// Formats cache messages in the current language (catalogue: src/core/i18n/catalog/cache.ts).
import { getLanguage, type Lang } from '../i18n';
import { cacheMessages } from '../i18n/catalog/cache';

export type CacheKey = keyof typeof cacheMessages;

export function cacheT(key: CacheKey, args: Record<string, string | number> = {}, lang: Lang = getLanguage()): string {
  const entry = cacheMessages[key];
  const template = lang === 'zh-cn' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
