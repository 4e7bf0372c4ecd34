// Formats goenv messages in the current language (the family catalogue is src/core/i18n/catalog/env.ts).
import { getLanguage, type Lang } from '../i18n';
import { envMessages } from '../i18n/catalog/env';

export type EnvMessageKey = keyof typeof envMessages;

export function envT(key: EnvMessageKey, args: Record<string, string | number> = {}, lang: Lang = getLanguage()): string {
  const entry = envMessages[key];
  const template = lang === 'zh-cn' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
