// The language server: keeps open go.mod / go.work / go.sum documents and publishes local diagnostics at once;
// then (trusted workspaces only) the module checks run in the background and their findings join as they arrive.
// Code actions apply fixes; hovers on require lines say where a module comes from. The health model (health.ts)
// answers the panel and the status bar: a live snapshot, the report, env fix previews, cache jobs, watched downloads.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, createConnection, MessageType, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type CancellationToken, type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnoseText, exceedsSizeLimit, moduleFileKind } from '../core/diagnose/local';
import { moduleHover, ModuleSourceClient } from '../core/diagnose/modules';
import type { Finding } from '../core/finding';
import { watchGo } from '../core/gocmd/watch';
import { localGoVersion } from '../core/gocmd/run';
import { EditorSettingsError, type EditorSettingsTarget } from '../core/goenv/editor';
import { parseFixId } from '../core/goenv/fixid';
import { loadEffectiveEnv } from '../core/goenv/load';
import type { ResolvedEnv } from '../core/goenv/resolve';
import { defaultStateDir } from '../core/goenv/journal';
import { applyEnvWrite, describePlan, undoLastWrite, type WriteContext } from '../core/goenv/write';
import { normalizeLang, setLanguage, t } from '../core/i18n';
import { parseGoMod } from '../core/modfile';
import { checkPath } from '../core/modfile/module';
import { canonicalVersion } from '../core/modfile/semver';
import { redactSecrets } from '../core/report/redact';
import {
  CACHE_PLAN_REQUEST, CACHE_PROGRESS, CACHE_RUN_REQUEST, DOWNLOAD_REQUEST, EDITOR_ENV_READ, EDITOR_ENV_WRITE, EDITOR_TARGET_DESCRIPTION,
  ENV_FIX_FOR_REQUEST, HEALTH_CHANGED, HEALTH_REQUEST, PREVIEW_ENV_FIX_REQUEST, REPORT_REQUEST, SERVER_COMMANDS,
  type CachePlanParams, type CachePlanResult, type CacheRunParams, type CacheRunResult, type CommandResult, type DownloadParams,
  type DownloadResult, type EditorEnvReadResult, type EditorEnvWriteParams, type EditorEnvWriteResult, type EnvFixForParams,
  type EnvFixForResult, type HealthParams, type HealthSnapshot, type InitializationOptions, type PreviewEnvFixParams,
  type PreviewEnvFixResult, type ReportResult,
} from '../protocol';
import { codeActions } from './actions';
import { CacheJobs } from './cacheJobs';
import { toDiagnostic } from './diagnostics';
import { runDownload } from './download';
import { envFixFor, previewEnvFix } from './envRequests';
import { cacheProblems, HealthService } from './health';
import { HealthRounds } from './healthRound';
import { ModuleChecks } from './moduleChecks';
import type { ModuleDoc } from './moduleRows';
import { healthReport } from './report';
import { homedir } from 'node:os';

function filePath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** The editor layer of the Go environment, kept by the client (VS Code: go.toolsEnvVars in the user settings). */
class ClientEditorTarget implements EditorSettingsTarget {
  readonly description = EDITOR_TARGET_DESCRIPTION;
  constructor(private readonly connection: Connection) {}

  async read(): Promise<Record<string, string>> {
    const r = (await this.connection.sendRequest(EDITOR_ENV_READ)) as EditorEnvReadResult;
    if (r?.error) throw new EditorSettingsError(r.error);
    return r?.values ?? {};
  }

  async write(name: string, value: string | undefined): Promise<void> {
    const params: EditorEnvWriteParams = value === undefined ? { name } : { name, value };
    const r = (await this.connection.sendRequest(EDITOR_ENV_WRITE, params)) as EditorEnvWriteResult;
    if (r?.error) throw new EditorSettingsError(r.error);
  }
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  let goVersion: string | undefined;
  let opts: InitializationOptions = {};
  let trusted = true;
  let checks: ModuleChecks | undefined;
  let editor: EditorSettingsTarget | undefined;
  let rounds: HealthRounds | undefined;
  let cacheJobs: CacheJobs | undefined;
  let health = new HealthService({ trusted: false, docs: () => [] });
  let workspaceFolders: string[] = [];
  const local = new Map<string, Finding[]>();
  const log = (m: string) => connection.console.error(m);
  const untrusted = () => t('health.untrusted');

  /** The open go.mod / go.work files the module checks cover, with the state of their checks. */
  const moduleDocs = (): ModuleDoc[] => {
    const out: ModuleDoc[] = [];
    for (const doc of documents.all()) {
      if (!doc.uri.startsWith('file:')) continue;
      const file = filePath(doc.uri);
      const kind = moduleFileKind(file);
      if ((kind !== 'go.mod' && kind !== 'go.work') || exceedsSizeLimit(kind, doc.getText())) continue;
      const state = checks?.state.get(doc.uri);
      out.push({ uri: doc.uri, file, kind, text: doc.getText(), findings: state?.findings ?? [], reports: state?.reports ?? [], progress: checks?.progress.get(doc.uri), env: state?.env });
    }
    return out;
  };

  /** Folders whose module files a prune keeps the versions of: those of the open files and the workspace folders. */
  const workspaceRoots = (): string[] => [...new Set([...moduleDocs().map((d) => dirname(d.file)), ...workspaceFolders])];

  const envFileOf = (uri: string): { path: string; text: string } | undefined => {
    // The text read with the environment: reading the file again could block on a GOENV that is a named pipe.
    const env = checks?.state.get(uri)?.env;
    const path = env?.envFile.path;
    const text = env?.snapshot.envFile.text;
    return path && text !== undefined ? { path, text } : undefined;
  };

  const publish = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    const findings = [...(local.get(uri) ?? []), ...(checks?.state.get(uri)?.findings ?? [])];
    const envFile = findings.some((f) => f.evidence && 'related' in f.evidence) ? envFileOf(uri) : undefined;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map((f) => toDiagnostic(f, { envFile })) });
    health.changed();
  };

  const startModuleChecks = (doc: TextDocument, delayMs?: number): void => {
    const file = filePath(doc.uri);
    const kind = moduleFileKind(file);
    if (!checks || !doc.uri.startsWith('file:') || (kind !== 'go.mod' && kind !== 'go.work')) return;
    // An oversized file gets only its local too-large finding: parsing it for the network would block the server.
    if (exceedsSizeLimit(kind, doc.getText())) return;
    checks.schedule(doc.uri, file, kind, doc.getText(), () => documents.get(doc.uri)?.version, delayMs);
  };

  const validate = (doc: TextDocument): void => {
    const file = filePath(doc.uri);
    const kind = moduleFileKind(file);
    if (!kind) return;
    try {
      local.set(doc.uri, diagnoseText(kind, doc.getText(), { file, localGoVersion: goVersion }));
      publish(doc.uri);
    } catch (err) {
      // A rule must never take the server down; the log says which file tripped it.
      log(`checking ${file} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
  };

  /** Everything open is checked again (after an env write, an undo, a download, or on request). */
  const recheckAll = (): void => {
    // The environment may have changed: probes and caches are measured again too.
    void rounds?.request();
    checks?.client.clear();
    for (const doc of documents.all()) {
      validate(doc);
      startModuleChecks(doc, 0);
      // a go.sum change matters to the go.mod next to it, which is re-checked above when open
    }
  };

  /** The Go environment in force now, read fresh (the pickers and the cache plans must not use a stale one). */
  const currentEnv = async (): Promise<ResolvedEnv> => {
    const values = editor ? await editor.read().catch(() => undefined) : undefined;
    const cwd = workspaceFolders[0] ?? moduleDocs().map((d) => dirname(d.file))[0];
    return (await loadEffectiveEnv({ goPath: opts.goPath || undefined, cwd, editor: values })).env;
  };

  const writeContext = (): WriteContext => ({
    goPath: opts.goPath || undefined,
    stateDir: opts.stateDir ?? defaultStateDir(process.env, process.platform, homedir()),
    editor,
  });

  const notify = (type: MessageType, message: string) => void connection.sendNotification('window/showMessage', { type, message: redactSecrets(message) });

  const applyEnvFix = async (id: string): Promise<CommandResult> => {
    const fix = parseFixId(id);
    if (!fix) return { status: 'failed', message: `not an env fix: ${id}` };
    const r = await applyEnvWrite(fix, writeContext(), { description: id });
    if (r.status === 'written' || r.status === 'noop') {
      const message = t('module.cmd.env-written', { changes: describePlan(r.plan).join(' ') });
      if (r.status === 'written') notify(MessageType.Info, message);
      recheckAll();
      return { status: r.status, message };
    }
    const message = [r.reason ?? r.status, ...describePlan(r.plan)].join('\n');
    notify(MessageType.Warning, message);
    return { status: r.status, message };
  };

  const undoEnvWrite = async (): Promise<CommandResult> => {
    const r = await undoLastWrite(writeContext());
    notify(r.status === 'restored' ? MessageType.Info : MessageType.Warning, r.reason ?? r.status);
    if (r.status === 'restored') recheckAll();
    return { status: r.status, message: r.reason };
  };

  const downloadSums = async (target: string, uri: string): Promise<CommandResult> => {
    const cwd = dirname(filePath(uri));
    // The target comes from the client: only a valid module@version may reach go, and after `--`, never as a flag.
    const at = target.lastIndexOf('@');
    const [module, version] = [target.slice(0, at), target.slice(at + 1)];
    if (at <= 0 || checkPath(module) !== undefined || canonicalVersion(version) !== version) {
      return { status: 'failed', message: t('module.cmd.download-failed', { target, detail: 'not a module@version' }) };
    }
    try {
      const r = await watchGo(['mod', 'download', '--', target], { goPath: opts.goPath || undefined, cwd, timeoutMs: 5 * 60_000, stallMs: 20_000 });
      if (r.code === 0) {
        const message = t('module.cmd.download-done', { target });
        notify(MessageType.Info, message);
        recheckAll();
        return { status: 'done', message };
      }
      const detail = r.findings.map((f) => f.message).join(' ') || r.stderr.trim().split('\n').slice(-3).join(' ');
      const message = t('module.cmd.download-failed', { target, detail });
      notify(MessageType.Error, message);
      return { status: 'failed', message };
    } catch (err) {
      const message = t('module.cmd.download-failed', { target, detail: (err as Error).message });
      notify(MessageType.Error, message);
      return { status: 'failed', message };
    }
  };

  connection.onInitialize((params) => {
    opts = (params.initializationOptions ?? {}) as InitializationOptions;
    // Without a language from the client, keep the one the process started with (gomod-doctor lsp --lang, LANG).
    const lang = opts.lang ?? params.locale;
    if (lang) setLanguage(normalizeLang(lang));
    trusted = opts.trusted !== false;
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .filter((f) => f.uri.startsWith('file:'))
      .map((f) => fileURLToPath(f.uri));
    if (trusted) {
      if (opts.editorEnv) editor = new ClientEditorTarget(connection);
      const goPath = opts.goPath || undefined;
      const client = new ModuleSourceClient({ timeoutMs: opts.timeoutMs, concurrency: opts.concurrency, env: process.env });
      checks = new ModuleChecks(
        client,
        { goPath, mirrors: opts.mirrors, slowMs: opts.slowMs, debounceMs: opts.debounceMs ?? 400, editor, onActivity: () => health.changed() },
        (uri) => publish(uri),
        log,
      );
      rounds = new HealthRounds({
        goPath,
        mirrors: opts.mirrors,
        timeoutMs: opts.timeoutMs,
        concurrency: opts.concurrency,
        networkProbes: opts.networkProbes !== false,
        cwd: () => workspaceFolders[0] ?? moduleDocs().map((d) => dirname(d.file))[0],
        editor,
        log,
        onChange: () => health.changed(),
      });
      cacheJobs = new CacheJobs({
        goPath,
        cacheEnv: async () => {
          const values = (await currentEnv()).values;
          return { GOMODCACHE: values.GOMODCACHE, GOCACHE: values.GOCACHE, GOPATH: values.GOPATH, GOFLAGS: values.GOFLAGS };
        },
        roots: workspaceRoots,
        progress: (p) => void connection.sendNotification(CACHE_PROGRESS, p),
        afterRun: () => void rounds?.request({ probes: false, cache: true }),
      });
      // Local diagnostics do not wait for go; the toolchain rules join in when its version is known.
      void localGoVersion({ goPath: opts.goPath }).then((v) => {
        goVersion = v;
        if (!v) connection.console.warn('go could not be run; toolchain checks are off');
        for (const doc of documents.all()) validate(doc);
      });
    }
    const send = opts.health ? (snap: HealthSnapshot) => void connection.sendNotification(HEALTH_CHANGED, snap) : undefined;
    health = new HealthService({ trusted, docs: moduleDocs, rounds, send });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        executeCommandProvider: { commands: trusted ? Object.values(SERVER_COMMANDS) : [] },
      },
      serverInfo: { name: 'gomod-doctor' },
    };
  });

  connection.onInitialized(() => {
    health.changed();
    // Probes and caches on start, then in the background every few minutes (0: only on start and on request) — for
    // a client that shows them. Any other client gets them when it first asks (HEALTH_REQUEST, REPORT_REQUEST).
    if (!rounds || !opts.health) return;
    void rounds.request();
    rounds.every(opts.backgroundIntervalMin ?? 30);
  });

  /** An AbortSignal that follows the client's $/cancelRequest. */
  const abortOn = (token: CancellationToken): AbortSignal => {
    const ac = new AbortController();
    if (token.isCancellationRequested) ac.abort();
    else token.onCancellationRequested(() => ac.abort());
    return ac.signal;
  };

  connection.onRequest(HEALTH_REQUEST, (params: HealthParams | undefined): HealthSnapshot => {
    if (rounds && (params?.refresh || !rounds.started)) void rounds.request();
    return health.snapshot();
  });

  connection.onRequest(REPORT_REQUEST, async (): Promise<ReportResult> => {
    if (rounds && !rounds.started) await rounds.request();
    const snap = health.snapshot();
    const docs = moduleDocs();
    const results = rounds?.results ?? { envFindings: [], go: { path: null, version: null } };
    const findings = [...results.envFindings, ...(results.probes?.findings ?? []), ...cacheProblems(rounds), ...docs.flatMap((d) => [...(local.get(d.uri) ?? []), ...d.findings])];
    const baseDir = workspaceFolders[0] ?? (docs[0] ? dirname(docs[0].file) : process.cwd());
    return { markdown: healthReport({ results, findings, modules: snap.modules, fileCount: docs.length, baseDir }) };
  });

  connection.onRequest(PREVIEW_ENV_FIX_REQUEST, (params: PreviewEnvFixParams): Promise<PreviewEnvFixResult> | PreviewEnvFixResult => {
    if (!trusted) return { changes: [], refused: untrusted() };
    return previewEnvFix(String(params?.fixId ?? ''), writeContext());
  });

  connection.onRequest(ENV_FIX_FOR_REQUEST, async (params: EnvFixForParams): Promise<EnvFixForResult> => {
    if (!trusted) return { error: untrusted() };
    try {
      return envFixFor(params ?? { op: 'set', name: '', value: '' }, await currentEnv());
    } catch (err) {
      return { error: redactSecrets((err as Error).message) };
    }
  });

  connection.onRequest(CACHE_PLAN_REQUEST, (params: CachePlanParams, token): Promise<CachePlanResult> | CachePlanResult => {
    if (!trusted || !cacheJobs) return { error: untrusted() };
    return cacheJobs.plan(params, abortOn(token));
  });

  connection.onRequest(CACHE_RUN_REQUEST, (params: CacheRunParams, token): Promise<CacheRunResult> | CacheRunResult => {
    if (!trusted || !cacheJobs) return { status: 'failed', freedBytes: 0, message: untrusted() };
    return cacheJobs.run(String(params?.planId ?? ''), abortOn(token));
  });

  connection.onRequest(DOWNLOAD_REQUEST, async (params: DownloadParams, token): Promise<DownloadResult> => {
    if (!trusted) return { status: 'failed', message: untrusted(), findings: [] };
    const r = await runDownload(params, { goPath: opts.goPath || undefined, timeoutMs: opts.timeoutMs, signal: abortOn(token) });
    // go.sum (and the cache) may have changed, even when the command failed part way.
    if (r.status !== 'cancelled') recheckAll();
    return r;
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const kind = doc ? moduleFileKind(filePath(doc.uri)) : undefined;
    if (!doc || !kind) return [];
    return codeActions(doc, kind, params.context.diagnostics, trusted);
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || moduleFileKind(filePath(doc.uri)) !== 'go.mod' || !trusted || exceedsSizeLimit('go.mod', doc.getText())) return null;
    const line = params.position.line;
    const mod = parseGoMod(doc.getText());
    const req = mod.require.find((r) => r.range.start.line <= line && line <= r.range.end.line);
    const rep = mod.replace.find((r) => r.range.start.line === line && !r.isDirectory && r.new.version);
    const module = req?.path.value ?? rep?.new.path.value;
    const version = req?.version.value ?? rep?.new.version?.value;
    if (!module || !version) return null;
    const state = checks?.state.get(doc.uri);
    const report = state?.reports.find((r) => r.module === module && r.version === version);
    const value = moduleHover(report, module, version, state?.env?.values ?? {}, state?.env);
    return { contents: { kind: 'markdown', value }, range: (req ?? rep)!.range };
  });

  connection.onExecuteCommand(async (params): Promise<CommandResult> => {
    if (!trusted) return { status: 'refused', message: t('module.cmd.untrusted') };
    const args = (params.arguments ?? []) as unknown[];
    switch (params.command) {
      case SERVER_COMMANDS.applyEnvFix:
        return applyEnvFix(String(args[0] ?? ''));
      case SERVER_COMMANDS.undoEnvWrite:
        return undoEnvWrite();
      case SERVER_COMMANDS.downloadSums:
        return downloadSums(String(args[0] ?? ''), String(args[1] ?? ''));
      case SERVER_COMMANDS.recheck:
        recheckAll();
        return { status: 'done' };
      default:
        return { status: 'failed', message: `unknown command ${params.command}` };
    }
  });

  // didOpen fires onDidOpen then onDidChangeContent: a freshly opened file is checked without the edit debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((change) => {
    const uri = change.document.uri;
    // Ranges of earlier module findings may no longer fit the text: drop them, publish the local ones at once.
    checks?.invalidate(uri);
    validate(change.document);
    startModuleChecks(change.document, justOpened.delete(uri) ? 0 : undefined);
  });
  documents.onDidClose((e) => {
    checks?.cancel(e.document.uri);
    checks?.state.delete(e.document.uri);
    local.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    health.changed();
  });
  connection.onShutdown(() => {
    checks?.dispose();
    rounds?.dispose();
    health.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
