/** One message in both languages; `{name}` marks a placeholder that both must use. */
export interface Entry {
  en: string;
  zh: string;
}
