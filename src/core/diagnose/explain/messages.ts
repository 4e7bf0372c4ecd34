// Formats translator and watchdog messages in the current language (catalogue: src/core/i18n/catalog/explain.ts).
import { getLanguage, type Lang } from '../../i18n';
import { explainMessages } from '../../i18n/catalog/explain';

export type ExplainKey = keyof typeof explainMessages;

/**
 * `{name}` placeholders take values from args; a value that is itself "{<key>}" for a catalogue key is
 * replaced by that message in the same language (reasons inside sentences).
 */
export function explainT(key: ExplainKey, args: Record<string, string | number | undefined> = {}, lang: Lang = getLanguage()): string {
  const entry = explainMessages[key];
  const template = lang === 'zh-cn' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args[name];
    if (v === undefined) return whole;
    const nested = /^\{([\w.-]+)\}$/.exec(String(v));
    if (nested && nested[1] in explainMessages) return explainT(nested[1] as ExplainKey, args, lang);
    return String(v);
  });
}
