// What the extension and the language server tell each other. Shared by both sides so each end is type-checked.

/** Sent by the extension as `initializationOptions`. */
export interface InitializationOptions {
  /** VS Code's display language (vscode.env.language), e.g. "en" or "zh-cn". */
  lang?: string;
  /** The go binary chosen by the extension (setting, Go extension settings, or empty for PATH). */
  goPath?: string;
  /** False in an untrusted workspace: the server then never runs go or any program. */
  trusted?: boolean;
}

/** Source shown next to every diagnostic of ours. */
export const DIAGNOSTIC_SOURCE = 'gomod-doctor';
