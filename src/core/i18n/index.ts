// Message catalogue for core, server and CLI (en + zh-cn). Each family file under catalog/ defines its
// messages with both languages side by side, so a missing translation is a compile error.
import { gomodMessages } from './catalog/gomod';
import { cliMessages } from './catalog/cli';
import { cliHelpMessages } from './catalog/cliHelp';
import { cliHelpMoreMessages } from './catalog/cliHelpMore';
import { envMessages } from './catalog/env';
import { netMessages } from './catalog/net';
import { moduleMessages } from './catalog/module';
import { cacheMessages } from './catalog/cache';
import { explainMessages } from './catalog/explain';
import { limitsMessages } from './catalog/limits';
import { healthMessages } from './catalog/health';
import type { Entry } from './catalog/entry';

export type Lang = 'en' | 'zh-cn';

const catalogue = { ...gomodMessages, ...cliMessages, ...cliHelpMessages, ...cliHelpMoreMessages, ...envMessages, ...netMessages, ...moduleMessages, ...cacheMessages, ...explainMessages, ...limitsMessages, ...healthMessages } satisfies Record<string, Entry>;
export type MessageKey = keyof typeof catalogue;

let current: Lang = 'en';

/** Maps a locale string from VS Code, LANG or --lang (zh-CN, zh_CN.UTF-8, zh-Hans, zh) to a catalogue. */
export function normalizeLang(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  if (l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l.startsWith('zh-sg')) return 'zh-cn';
  return 'en';
}

export function setLanguage(lang: Lang): void {
  current = lang;
}

export function getLanguage(): Lang {
  return current;
}

/**
 * Formats a message; `{name}` placeholders take values from args. A value that is itself `{<key>}` for a
 * catalogue key becomes that message in the same language (a reason inside a sentence).
 */
export function t(key: MessageKey, args: Record<string, string | number | undefined> = {}, lang: Lang = current): string {
  const entry: Entry = catalogue[key];
  const template = lang === 'zh-cn' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args[name];
    if (v === undefined) return whole;
    const nested = /^\{([\w.-]+)\}$/.exec(String(v));
    if (nested && hasMessage(nested[1]) && nested[1] !== key) return t(nested[1], args, lang);
    return String(v);
  });
}

/** For keys built at run time (e.g. from a failure kind): is there such a message? */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

export function allKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}
