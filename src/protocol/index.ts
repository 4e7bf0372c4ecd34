// What the extension and the language server tell each other. Shared by both sides so each end is type-checked.

/** Sent by the extension as `initializationOptions`. */
export interface InitializationOptions {
  /** VS Code's display language (vscode.env.language), e.g. "en" or "zh-cn". */
  lang?: string;
  /** The go binary chosen by the extension (setting, Go extension settings, or empty for PATH). */
  goPath?: string;
  /** False in an untrusted workspace: the server then never runs go or any program, and touches no network. */
  trusted?: boolean;
  /** Directory for the env-write journal (undo); default: the per-user state directory of goenv. */
  stateDir?: string;
  /** Mirrors offered by "Switch GOPROXY to …" (measured per module); default: the known public mirrors. */
  mirrors?: string[];
  /** Bound on every network wait of the module checks, in ms (default 5000). */
  timeoutMs?: number;
  /** An answer slower than this is module.slow (default 2000 ms; 0 turns it off). */
  slowMs?: number;
  /** Quiet time after an edit before the network checks start (default 400 ms). */
  debounceMs?: number;
  /** The client answers EDITOR_ENV_READ / EDITOR_ENV_WRITE (VS Code: go.toolsEnvVars in user settings). */
  editorEnv?: boolean;
}

/** Source shown next to every diagnostic of ours. */
export const DIAGNOSTIC_SOURCE = 'gomod-doctor';

/** Commands the server implements (workspace/executeCommand); the language client registers them in VS Code. */
export const SERVER_COMMANDS = {
  /** Arguments: [fixId: string]. Applies an env fix (`env[@editor]:…`) through goenv's writer, then re-checks. */
  applyEnvFix: 'gomodDoctor.applyEnvFix',
  /** No arguments. Undoes the last journaled env write, then re-checks. */
  undoEnvWrite: 'gomodDoctor.undoEnvWrite',
  /** Arguments: [module@version: string, goModUri: string]. Runs `go mod download` under the watchdog, then re-checks. */
  downloadSums: 'gomodDoctor.downloadSums',
  /** No arguments. Drops cached network answers and checks every open file again. */
  recheck: 'gomodDoctor.recheck',
} as const;

/** What the env commands answer. */
export interface CommandResult {
  status: string;
  /** Localized explanation (why refused or failed, what was restored). */
  message?: string;
}

/** Server → client: the variables the editor injects into the tools it runs (go.toolsEnvVars). */
export const EDITOR_ENV_READ = 'gomodDoctor/editorEnv/read';
export interface EditorEnvReadResult {
  values?: Record<string, string>;
  error?: string;
}

/** Server → client: set (or, without value, remove) one variable of go.toolsEnvVars in the user settings. */
export const EDITOR_ENV_WRITE = 'gomodDoctor/editorEnv/write';
export interface EditorEnvWriteParams {
  name: string;
  value?: string;
}
export interface EditorEnvWriteResult {
  error?: string;
}

/** Where the extension's editor layer lives, as recorded in the env-write journal. */
export const EDITOR_TARGET_DESCRIPTION = 'vscode:user-settings go.toolsEnvVars';
