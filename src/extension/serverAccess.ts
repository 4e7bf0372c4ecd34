// How commands reach the language server: the running client (or a clear message why there is none) and the
// newest health snapshot (the shared feed's, or asked for when none has arrived yet).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HealthSnapshot } from '../protocol';
import { currentHealth, onHealth, requestHealth } from './panel/healthFeed';
import { redact } from './redact';

const START_WAIT_MS = 20_000;
/** How long a command waits for a round to deliver what it needs (the probe timeout is 5 s by default). */
const SNAPSHOT_WAIT_MS = 20_000;

export class ServerAccess {
  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly serverReady: () => Promise<void>,
    readonly log: vscode.LogOutputChannel,
  ) {}

  /** The client once its server runs; undefined (after telling the user, with a way to the log) when it does not. */
  async client(): Promise<LanguageClient | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const started = await Promise.race([
      this.serverReady().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), START_WAIT_MS))),
    ]).finally(() => clearTimeout(timer));
    const client = this.getClient();
    if (started && client?.isRunning()) return client;
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(vscode.l10n.t('The Go Mod Doctor language server is not running.'), showLog).then((picked) => {
      if (picked === showLog) this.log.show();
    });
    return undefined;
  }

  /**
   * The server's current snapshot; when `ready` says it lacks what the caller needs (a round still measuring the
   * mirrors, the environment not read yet), the next snapshots are awaited for a while, with a progress spinner.
   */
  async snapshot(client: LanguageClient, ready?: (s: HealthSnapshot) => boolean): Promise<HealthSnapshot | undefined> {
    let latest: HealthSnapshot | undefined;
    try {
      latest = await requestHealth(client);
    } catch (err) {
      this.error('health request', err);
      return currentHealth();
    }
    if (!latest || !ready || ready(latest)) return latest;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Waiting for the Go module checks…') }, () =>
      new Promise<HealthSnapshot | undefined>((resolve) => {
        const done = (s: HealthSnapshot | undefined): void => {
          clearTimeout(timer);
          sub.dispose();
          resolve(s);
        };
        const sub = onHealth((s) => {
          latest = s;
          if (ready(s)) done(s);
        });
        const timer = setTimeout(() => done(latest), SNAPSHOT_WAIT_MS);
      }),
    );
  }

  /** Logs an unexpected failure (redacted) and returns its message. */
  error(what: string, err: unknown): string {
    const message = redact(err instanceof Error ? err.message : String(err));
    this.log.error(`${what}: ${message}`);
    return message;
  }
}
