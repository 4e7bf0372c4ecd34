// Switch GOPROXY…, Set GOSUMDB…, Add to GOPRIVATE…: a picker, then the quick fixes' own path — the server builds the
// fix id, previews what it would change, a modal shows that, and SERVER_COMMANDS.applyEnvFix writes it (journaled,
// so "Undo Last Go Environment Change" restores it).
//
// Programmatic use (tests, other extensions, walkthrough links): each command takes an optional options object.
// `value` skips the picker; `confirm: false` skips the modal. Without arguments — the palette, the panel — the user
// always picks and confirms.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ENV_FIX_FOR_REQUEST,
  PREVIEW_ENV_FIX_REQUEST,
  SERVER_COMMANDS,
  type CommandResult,
  type EnvFixForParams,
  type EnvFixForResult,
  type HealthSnapshot,
  type PreviewEnvFixParams,
  type PreviewEnvFixResult,
} from '../protocol';
import { patternProblem, privateSuggestions, proxyItems, proxyProblem, sumdbItems, type PickItem } from './pickers';
import { redact } from './redact';
import type { ServerAccess } from './serverAccess';
import { requireTrust } from './trust';
import { ownModulePaths } from './workspaceModules';

export interface EnvCommandOptions {
  /** The value to set (GOPROXY list or mirror URL, GOSUMDB value, GOPRIVATE pattern): no picker. */
  value?: string;
  /** false: apply without the modal confirmation. */
  confirm?: boolean;
}

export interface EnvCommandResult {
  status: 'applied' | 'unchanged' | 'cancelled' | 'refused' | 'failed' | 'untrusted' | 'unavailable';
  /** What the preview said would change (localized lines). */
  changes?: string[];
  message?: string;
}

function options(arg: unknown): EnvCommandOptions {
  if (typeof arg === 'string') return { value: arg };
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  return { value: typeof o.value === 'string' ? o.value : undefined, confirm: o.confirm === false ? false : undefined };
}

/** The snapshot holds the environment (the server reads it at the start of a round). */
function envRead(s: HealthSnapshot): boolean {
  return s.env.length > 0 || !s.trusted;
}

async function envFixFor(client: LanguageClient, params: EnvFixForParams): Promise<EnvFixForResult> {
  return client.sendRequest<EnvFixForResult>(ENV_FIX_FOR_REQUEST, params);
}

async function pick(items: PickItem[], title: string, placeHolder: string): Promise<PickItem | undefined> {
  return vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, ignoreFocusOut: true });
}

export class EnvCommands {
  constructor(private readonly access: ServerAccess) {}

  /** Preview → modal confirmation (unless confirm is false) → applyEnvFix. */
  private async previewAndApply(
    client: LanguageClient,
    fixId: string,
    confirm: boolean,
    question: string,
    warning?: string,
  ): Promise<EnvCommandResult> {
    const params: PreviewEnvFixParams = { fixId };
    const preview = await client.sendRequest<PreviewEnvFixResult>(PREVIEW_ENV_FIX_REQUEST, params);
    this.access.log.info(`preview ${redact(fixId)}: ${redact(preview.refused ?? preview.changes.join('; '))}`);
    if (preview.refused) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This change cannot be made: {0}', preview.refused));
      return { status: 'refused', message: preview.refused, changes: preview.changes };
    }
    if (preview.changes.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The Go environment already has this value: nothing to change.'));
      return { status: 'unchanged', changes: [] };
    }
    if (confirm) {
      const apply = vscode.l10n.t('Apply');
      const detail = [warning, ...preview.changes].filter((s): s is string => !!s).join('\n\n');
      const picked = warning
        ? await vscode.window.showWarningMessage(question, { modal: true, detail }, apply)
        : await vscode.window.showInformationMessage(question, { modal: true, detail }, apply);
      if (picked !== apply) return { status: 'cancelled', changes: preview.changes };
    }
    const result = await vscode.commands.executeCommand<CommandResult | undefined>(SERVER_COMMANDS.applyEnvFix, fixId);
    this.access.log.info(`applyEnvFix ${redact(fixId)}: ${result?.status ?? 'no answer'} ${redact(result?.message ?? '')}`);
    const status = result?.status === 'written' ? 'applied' : result?.status === 'noop' ? 'unchanged' : result?.status === 'refused' ? 'refused' : 'failed';
    return { status, changes: preview.changes, message: result?.message };
  }

  /** Connection and snapshot shared by the three commands; undefined when the command cannot run. */
  private async start(
    title: string,
    ready: (s: HealthSnapshot) => boolean,
  ): Promise<{ client: LanguageClient; snapshot: HealthSnapshot | undefined } | EnvCommandResult> {
    if (!requireTrust(title)) return { status: 'untrusted' };
    const client = await this.access.client();
    if (!client) return { status: 'unavailable' };
    return { client, snapshot: await this.access.snapshot(client, ready) };
  }

  /** A fix id from the server for NAME=value (or an added pattern); the server's reason is shown when it refuses. */
  private async fixFor(client: LanguageClient, params: EnvFixForParams): Promise<string | EnvCommandResult> {
    const r = await envFixFor(client, params);
    if (r.fixId) return r.fixId;
    const message = r.error ?? vscode.l10n.t('The server offered no change for {0}.', params.name);
    void vscode.window.showWarningMessage(message);
    return { status: 'refused', message };
  }

  async switchProxy(arg?: unknown): Promise<EnvCommandResult> {
    const title = vscode.l10n.t('Switch GOPROXY');
    const opts = options(arg);
    // The mirrors and their latency come with the probes.
    const s = await this.start(title, (snap) => envRead(snap) && (snap.mirrors.length > 0 || !snap.running.probes));
    if ('status' in s) return s;
    let value = opts.value?.trim();
    let fixId: string | undefined;
    if (value === undefined) {
      const chosen = await pick(proxyItems(s.snapshot, vscode.l10n), title, vscode.l10n.t('Pick a module proxy (measured latency and health shown)'));
      if (!chosen) return { status: 'cancelled' };
      if (chosen.action.kind === 'current') {
        void vscode.window.showInformationMessage(vscode.l10n.t('GOPROXY already is {0}.', chosen.action.value));
        return { status: 'unchanged' };
      }
      if (chosen.action.kind === 'fix') fixId = chosen.action.fixId;
      else {
        value = await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('The new GOPROXY: proxy URLs, direct or off, separated by commas (fall back on errors 404/410) or pipes (on any error).'),
          placeHolder: 'https://goproxy.cn,direct',
          ignoreFocusOut: true,
          validateInput: (v) => proxyProblem(v, vscode.l10n),
        });
        if (value === undefined) return { status: 'cancelled' };
        value = value.trim();
      }
    } else {
      const problem = proxyProblem(value, vscode.l10n);
      if (problem) return { status: 'refused', message: problem };
      // A measured mirror: its own fix (GOPROXY=<mirror>,direct in the layer in force), as the quick fix does.
      fixId = s.snapshot?.mirrors.find((m) => m.url === value)?.fixId;
    }
    if (!fixId) {
      const got = await this.fixFor(s.client, { op: 'set', name: 'GOPROXY', value: value ?? '' });
      if (typeof got !== 'string') return got;
      fixId = got;
    }
    return this.previewAndApply(s.client, fixId, opts.confirm !== false, vscode.l10n.t('Switch GOPROXY?'));
  }

  async setSumdb(arg?: unknown): Promise<EnvCommandResult> {
    const title = vscode.l10n.t('Set GOSUMDB');
    const opts = options(arg);
    const s = await this.start(title, (snap) => envRead(snap) && (snap.probes !== null || !snap.running.probes));
    if ('status' in s) return s;
    let value = opts.value?.trim();
    let warning: string | undefined;
    if (value === undefined) {
      const chosen = await pick(sumdbItems(s.snapshot, vscode.l10n), title, vscode.l10n.t('Pick the checksum database the go command verifies downloads with'));
      if (!chosen) return { status: 'cancelled' };
      if (chosen.action.kind === 'current') {
        void vscode.window.showInformationMessage(vscode.l10n.t('GOSUMDB already is {0}.', chosen.action.value));
        return { status: 'unchanged' };
      }
      if (chosen.action.kind === 'value') {
        value = chosen.action.value;
        warning = chosen.action.warning;
      } else {
        const client = s.client;
        value = await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('A GOSUMDB value: a known name, name+hash+key, optionally followed by a space and the database URL.'),
          placeHolder: 'sum.golang.org https://goproxy.cn/sumdb/sum.golang.org',
          ignoreFocusOut: true,
          validateInput: async (v) => (v.trim() === '' ? vscode.l10n.t('Enter a value.') : (await envFixFor(client, { op: 'set', name: 'GOSUMDB', value: v.trim() })).error),
        });
        if (value === undefined) return { status: 'cancelled' };
        value = value.trim();
      }
    }
    const got = await this.fixFor(s.client, { op: 'set', name: 'GOSUMDB', value });
    if (typeof got !== 'string') return got;
    return this.previewAndApply(s.client, got, opts.confirm !== false, vscode.l10n.t('Set GOSUMDB?'), warning);
  }

  async addPrivate(arg?: unknown): Promise<EnvCommandResult> {
    const title = vscode.l10n.t('Add to GOPRIVATE');
    const opts = options(arg);
    const s = await this.start(title, envRead);
    if ('status' in s) return s;
    let value = opts.value?.trim();
    if (value === undefined) {
      const suggestions = privateSuggestions(await ownModulePaths(), s.snapshot);
      const client = s.client;
      value = await vscode.window.showInputBox({
        title,
        value: suggestions[0] ?? '',
        prompt: suggestions.length
          ? vscode.l10n.t('A module path pattern (glob elements allowed) whose modules the go command fetches directly, without a proxy or the checksum database. Suggested from this workspace: {0}', suggestions.join(', '))
          : vscode.l10n.t('A module path pattern (glob elements allowed) whose modules the go command fetches directly, without a proxy or the checksum database, e.g. git.example.com or github.com/your-org'),
        placeHolder: 'git.example.com',
        ignoreFocusOut: true,
        validateInput: async (v) => patternProblem(v, vscode.l10n) ?? (await envFixFor(client, { op: 'addPattern', name: 'GOPRIVATE', value: v.trim() })).error,
      });
      if (value === undefined) return { status: 'cancelled' };
      value = value.trim();
    }
    const problem = patternProblem(value, vscode.l10n);
    if (problem) return { status: 'refused', message: problem };
    const got = await this.fixFor(s.client, { op: 'addPattern', name: 'GOPRIVATE', value });
    if (typeof got !== 'string') return got;
    return this.previewAndApply(s.client, got, opts.confirm !== false, vscode.l10n.t('Add to GOPRIVATE?'));
  }
}
