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
  /** Parallel network requests of the module checks and probes (default 16). */
  concurrency?: number;
  /** Probes of GOPROXY / GOSUMDB / mirrors run at all (default true); off: only module checks touch the network. */
  networkProbes?: boolean;
  /** Minutes between background rounds of probes and cache inspection; 0 = only on start and on request (default 30). */
  backgroundIntervalMin?: number;
  /**
   * The client listens for HEALTH_CHANGED (the panel, the status bar). Also what starts the probes and cache rounds on
   * start and in the background; without it they run only when HEALTH_REQUEST or REPORT_REQUEST first asks.
   */
  health?: boolean;
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

// ---------------------------------------------------------------------------------------------------------------
// The health model: everything the panel and the status bar show, assembled by the server (src/server/health.ts).
// Every string in it is already localized and redacted by the server; the client escapes it when rendering.

/** Client → server: the current snapshot. `refresh: true` also starts a new round of probes and cache inspection. */
export const HEALTH_REQUEST = 'gomodDoctor/health';
export interface HealthParams {
  refresh?: boolean;
}
/** Server → client, whenever the snapshot changed (throttled): the whole new snapshot. */
export const HEALTH_CHANGED = 'gomodDoctor/healthChanged';

/** checking: a round is running and nothing is known yet; untrusted: only parsing runs; idle: no module file open. */
export type OverallState = 'checking' | 'healthy' | 'degraded' | 'failing' | 'untrusted' | 'idle';

export interface HealthFinding {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** Fix ids with localized titles (run through SERVER_COMMANDS.applyEnvFix or the command the id names). */
  fixes?: Array<{ id: string; title: string }>;
}

export interface HealthModule {
  /** file:// URI of the go.mod / go.work that requires it, and the 0-based line of the require (or replace). */
  uri: string;
  line: number;
  module: string;
  version: string;
  /** false for `// indirect` requires. */
  direct: boolean;
  /** Where the go command would fetch it: the first source of its route ("https://goproxy.cn", "direct", "off"). */
  route: string;
  /** Route goes only to private sources (GOPRIVATE/GONOPROXY matched). */
  private: boolean;
  status: 'ok' | 'warning' | 'error' | 'checking' | 'skipped';
  /** The source that answered and how long it took. */
  source?: string;
  latencyMs?: number;
  /** The most severe finding on this require, if any. */
  finding?: HealthFinding;
}

export interface HealthEnvVar {
  name: string;
  value: string;
  /** The layer the effective value comes from (goenv Layer: "process" | "envfile" | "goroot" | "default" | "editor" …). */
  layer: string;
  shadowed: Array<{ layer: string; value: string }>;
  findings: HealthFinding[];
}

export interface HealthStage {
  stage: 'dns' | 'tcp' | 'tls' | 'http' | 'protocol' | 'done';
  ms: number;
}

export interface HealthProbe {
  /** The URL without credentials. */
  target: string;
  kind: 'proxy' | 'sumdb';
  /** Configured in GOPROXY / GOSUMDB (else a mirror measured for comparison). */
  configured: boolean;
  ok: boolean;
  /** Where it stopped (done when ok). */
  stage: HealthProbe['stages'][number]['stage'];
  ms: number;
  status?: number;
  /** Connection timeline: the stages that ran, each with its own duration. */
  stages: HealthStage[];
  /** For sumdb probes through a proxy: that proxy. */
  via?: string;
  finding?: HealthFinding;
}

export interface HealthMirror {
  /** A GOPROXY URL that can be switched to, healthy first, fastest first. */
  url: string;
  healthy: boolean;
  ms: number;
  configured: boolean;
  /**
   * The env fix that switches GOPROXY to `<url>,direct` in the layer that is in force (for PREVIEW_ENV_FIX_REQUEST /
   * SERVER_COMMANDS.applyEnvFix). '' for a configured entry whose URL carries credentials: an id never carries them.
   */
  fixId: string;
}

export interface HealthCacheTarget {
  kind: 'modcache' | 'gocache' | 'vcs';
  variable: string;
  path: string;
  exists: boolean;
  writable: boolean | null;
  freeBytes: number | null;
  /** Size measured within a time budget; null when not measured; complete false when the budget ran out. */
  sizeBytes: number | null;
  sizeComplete: boolean;
}

export interface HealthSnapshot {
  /** Grows with every change; a client ignores a snapshot older than the one it shows. */
  seq: number;
  trusted: boolean;
  overall: {
    state: OverallState;
    /** Localized, one line: "proxy.golang.org unreachable", "2 modules not found"… */
    reason?: string;
    /** The host (proxy or sumdb) the state is about, when there is one. */
    host?: string;
  };
  /** Network or cache work under way: which parts, and how far the module checks are. */
  running: { modules: boolean; probes: boolean; cache: boolean; done?: number; total?: number };
  go: { path: string | null; version: string | null };
  envFile: string | null;
  env: HealthEnvVar[];
  modules: HealthModule[];
  /** null: probes have not run (untrusted, or not yet). */
  probes: HealthProbe[] | null;
  mirrors: HealthMirror[];
  cache: HealthCacheTarget[] | null;
  /** Findings that belong to no require line (env, probes, cache). */
  findings: HealthFinding[];
  /** Epoch ms of the last change. */
  updatedAt: number;
}

/** Client → server: the markdown report (secrets redacted), for "Copy report" / "Save report". */
export const REPORT_REQUEST = 'gomodDoctor/report';
export interface ReportResult {
  markdown: string;
}

/** Client → server: what an env fix would change, before it is applied (the preview). */
export const PREVIEW_ENV_FIX_REQUEST = 'gomodDoctor/previewEnvFix';
export interface PreviewEnvFixParams {
  fixId: string;
}
export interface PreviewEnvFixResult {
  /** Localized lines: "GOPROXY: https://proxy.golang.org,direct → https://goproxy.cn,direct (in /root/.config/go/env)". */
  changes: string[];
  /** Set when the fix would be refused (and why). */
  refused?: string;
}

/** Client → server: env fix ids for the pickers (GOSUMDB value, GOPRIVATE pattern), written to the layer in force. */
export const ENV_FIX_FOR_REQUEST = 'gomodDoctor/envFixFor';
export interface EnvFixForParams {
  /**
   * set: NAME=value (GOPROXY, GOSUMDB, GOPRIVATE, GONOPROXY, GONOSUMDB); addPattern: append a pattern to a comma list
   * (GOPRIVATE, GONOSUMDB, GONOPROXY; added to GOPRIVATE it also goes to GONOPROXY/GONOSUMDB when they are set on
   * their own). Values with credentials are refused.
   */
  op: 'set' | 'addPattern';
  name: string;
  value: string;
}
export interface EnvFixForResult {
  fixId?: string;
  /** Localized reason when the value is invalid (bad pattern, bad GOSUMDB). */
  error?: string;
}

/** Client → server: plan a cache clean (sizes measured) — shown in the confirmation before CACHE_CLEAN. */
export const CACHE_PLAN_REQUEST = 'gomodDoctor/cache/plan';
export interface CachePlanParams {
  kind: 'modcache' | 'buildcache' | 'prune';
}
export interface CachePlanResult {
  /** Opaque handle of the plan to pass to CACHE_RUN_REQUEST (plans expire after 5 minutes and run once).
   * Absent when there is nothing to remove (the summary says so) or on error. */
  planId?: string;
  /** What will be removed: the directory, bytes, file or module-version count, whether the measure is complete. */
  root?: string;
  bytes?: number;
  items?: number;
  complete?: boolean;
  /** Localized one-line summary for the confirmation ("Remove 1.2 GB (34,512 files) in /root/go/pkg/mod?"). */
  summary?: string;
  error?: string;
}
/** Client → server: run a confirmed plan. Progress comes as CACHE_PROGRESS notifications; cancel with $/cancelRequest. */
export const CACHE_RUN_REQUEST = 'gomodDoctor/cache/run';
export interface CacheRunParams {
  planId: string;
}
export interface CacheRunResult {
  status: 'done' | 'partial' | 'cancelled' | 'failed' | 'expired';
  freedBytes: number;
  /** Localized outcome. */
  message: string;
}
export const CACHE_PROGRESS = 'gomodDoctor/cache/progress';
export interface CacheProgressParams {
  planId: string;
  fraction: number;
  freedBytes: number;
}

/** Client → server: `go mod download` under the watchdog for the folder of a go.mod (cancel with $/cancelRequest). */
export const DOWNLOAD_REQUEST = 'gomodDoctor/download';
export interface DownloadParams {
  /** file:// URI of the go.mod (or its folder). */
  uri: string;
}
export interface DownloadResult {
  /** stalled: a server sent no answer for twice the network timeout (timeoutMs; 2 s … 60 s) — the command was stopped. */
  status: 'done' | 'failed' | 'stalled' | 'cancelled';
  /** Localized outcome; for failures the translated go error with its finding codes. */
  message: string;
  findings: HealthFinding[];
}
