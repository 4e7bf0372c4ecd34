// The messages between the health panel's webview and the extension host. Pure (no vscode import): the webview
// bundle imports the types, and the host checks everything the webview sends with parseWebviewMessage, since a
// webview's message is untrusted input like any other.
import type { HealthSnapshot } from '../../protocol';

/** Commands the panel's buttons may run: the palette's own commands (they do their own confirmations). */
export const PANEL_COMMANDS = [
  'gomodDoctor.cleanModuleCache',
  'gomodDoctor.cleanBuildCache',
  'gomodDoctor.pruneModuleCache',
  'workbench.trust.manage',
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/** What the webview asks the host to do. */
export type PanelRequest =
  | { kind: 'recheck' }
  | { kind: 'copyReport' }
  | { kind: 'saveReport' }
  /** Open the go.mod / go.work of a module row at its require line. */
  | { kind: 'openModule'; uri: string; line: number }
  /** An env fix of the snapshot (a mirror switch, a finding's fix): preview, modal confirmation, then apply. */
  | { kind: 'applyFix'; fixId: string }
  | { kind: 'command'; command: PanelCommand };

/** Webview → host. The webview sends 'ready' once its script listens; the host posts nothing before that. */
export type WebviewMessage = { type: 'ready' } | { type: 'request'; id: number; request: PanelRequest };

/** Host → webview. */
export type HostMessage =
  | { type: 'init'; strings: PanelStrings; lang: string }
  /** The snapshot to show; null while the language server has not answered yet. */
  | { type: 'health'; snapshot: HealthSnapshot | null; serverRunning: boolean }
  /** The outcome of a request; message is localized and shown in the panel's status line. */
  | { type: 'response'; id: number; ok: boolean; message?: string };

/** Every label of the panel, translated by the host (vscode.l10n.t). `{0}` placeholders are filled in the webview. */
export interface PanelStrings {
  title: string;
  stateChecking: string;
  stateHealthy: string;
  stateDegraded: string;
  stateFailing: string;
  stateUntrusted: string;
  stateIdle: string;
  waitingForServer: string;
  serverNotRunning: string;
  recheck: string;
  copyReport: string;
  saveReport: string;
  progressModules: string;
  progressProbes: string;
  progressCache: string;
  progressLabel: string;
  goVersion: string;
  goMissing: string;
  envFile: string;
  updatedAt: string;
  untrustedBody: string;
  manageTrust: string;
  sectionModules: string;
  sectionEnvironment: string;
  sectionProbes: string;
  sectionMirrors: string;
  sectionCache: string;
  sectionFindings: string;
  colModule: string;
  colVersion: string;
  colDependency: string;
  colRoute: string;
  colStatus: string;
  colLatency: string;
  colFinding: string;
  direct: string;
  indirect: string;
  privateRoute: string;
  statusOk: string;
  statusWarning: string;
  statusError: string;
  statusChecking: string;
  statusSkipped: string;
  sortBy: string;
  filterLabel: string;
  filterPlaceholder: string;
  modulesCount: string;
  modulesEmpty: string;
  modulesNoMatch: string;
  openModule: string;
  colVariable: string;
  colValue: string;
  colLayer: string;
  colShadowed: string;
  colFindings: string;
  unset: string;
  envEmpty: string;
  layerProcess: string;
  layerEnvfile: string;
  layerGoroot: string;
  layerDefault: string;
  layerEditor: string;
  colTarget: string;
  colKind: string;
  colTimeline: string;
  colResult: string;
  kindProxy: string;
  kindSumdb: string;
  configured: string;
  compared: string;
  via: string;
  probeOk: string;
  probeFailed: string;
  httpStatus: string;
  stageDns: string;
  stageTcp: string;
  stageTls: string;
  stageHttp: string;
  stageProtocol: string;
  stageDone: string;
  probesNotRun: string;
  probesEmpty: string;
  colMirror: string;
  colHealth: string;
  healthy: string;
  unhealthy: string;
  inUse: string;
  switchMirror: string;
  switchMirrorLabel: string;
  mirrorsEmpty: string;
  colCache: string;
  colPath: string;
  colSize: string;
  colFree: string;
  colWritable: string;
  cacheModcache: string;
  cacheGocache: string;
  cacheVcs: string;
  yes: string;
  no: string;
  unknown: string;
  missing: string;
  sizeAtLeast: string;
  cacheNotInspected: string;
  cleanModuleCache: string;
  cleanBuildCache: string;
  pruneModuleCache: string;
  findingsNone: string;
  severityError: string;
  severityWarning: string;
  severityInfo: string;
  severityHint: string;
  disabledUntrusted: string;
}

const MAX_TEXT = 4096;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isShortString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
}

function parseRequest(r: unknown): PanelRequest | undefined {
  if (!isObject(r)) return undefined;
  switch (r.kind) {
    case 'recheck':
    case 'copyReport':
    case 'saveReport':
      return { kind: r.kind };
    case 'openModule':
      if (!isShortString(r.uri) || !r.uri.startsWith('file:')) return undefined;
      if (!Number.isSafeInteger(r.line) || (r.line as number) < 0) return undefined;
      return { kind: 'openModule', uri: r.uri, line: r.line as number };
    case 'applyFix':
      return isShortString(r.fixId) ? { kind: 'applyFix', fixId: r.fixId } : undefined;
    case 'command':
      return (PANEL_COMMANDS as readonly unknown[]).includes(r.command) ? { kind: 'command', command: r.command as PanelCommand } : undefined;
    default:
      return undefined;
  }
}

/** The message when it is one the panel sends, else undefined (extra fields are dropped). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'ready') return { type: 'ready' };
  if (raw.type !== 'request' || !Number.isSafeInteger(raw.id) || (raw.id as number) < 0) return undefined;
  const request = parseRequest(raw.request);
  return request ? { type: 'request', id: raw.id as number, request } : undefined;
}

/** The env fix ids the snapshot offers (mirror switches and the fixes of its findings): the only ones the panel may apply. */
export function fixIdsOf(s: HealthSnapshot): Set<string> {
  const ids = new Set<string>();
  const add = (f: { fixes?: Array<{ id: string }> } | undefined): void => {
    for (const fix of f?.fixes ?? []) if (isEnvFixId(fix.id)) ids.add(fix.id);
  };
  for (const m of s.mirrors) if (isEnvFixId(m.fixId)) ids.add(m.fixId);
  for (const f of s.findings) add(f);
  for (const m of s.modules) add(m.finding);
  for (const v of s.env) for (const f of v.findings) add(f);
  for (const p of s.probes ?? []) add(p.finding);
  return ids;
}

/** Env fixes (`env:…`, `env@editor:…`) go through the server's applyEnvFix; other fix ids name work the panel cannot run. */
export function isEnvFixId(id: string): boolean {
  return /^env(@[a-z]+)?:/.test(id);
}

/** The snapshot has a module row at this file and line (the only places the panel may open). */
export function hasModuleAt(s: HealthSnapshot, uri: string, line: number): boolean {
  return s.modules.some((m) => m.uri === uri && m.line === line);
}
