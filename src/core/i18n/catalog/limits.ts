// Messages of the size limits of the local rules (src/core/diagnose/local/limits.ts).
import type { Entry } from './entry';

export const limitsMessages = {
  'limits.too-large': {
    en: '{file} is {size} MiB, above the {limit} MiB that Go Mod Doctor checks; it was not checked.',
    zh: '{file} 大小为 {size} MiB，超过 Go Mod Doctor 检查的上限 {limit} MiB，已跳过检查。',
  },
} satisfies Record<string, Entry>;
