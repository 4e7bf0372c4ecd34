// The one thing the pure modules need from vscode.l10n: so they run in unit tests without VS Code, and the bundle
// check (test/unit/i18n.test.ts) still finds every translated string in them.
export interface Translator {
  t(message: string, ...args: Array<string | number | boolean>): string;
}
