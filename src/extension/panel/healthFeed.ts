// The one subscription to the server's HEALTH_CHANGED notifications, shared by everything that shows health (the
// panel, the status bar, the commands): vscode-languageclient keeps a single handler per notification method, so
// nobody else registers one. Call attachHealthFeed(client) once per client; listen with onHealth.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { HEALTH_CHANGED, HEALTH_REQUEST, type HealthParams, type HealthSnapshot } from '../../protocol';

const emitter = new vscode.EventEmitter<HealthSnapshot>();
const attached = new WeakSet<LanguageClient>();
let latest: HealthSnapshot | undefined;

/** Called with every newer snapshot (from notifications and from requestHealth). */
export function onHealth(listener: (snapshot: HealthSnapshot) => void): vscode.Disposable {
  return emitter.event(listener);
}

/** The newest snapshot seen, if any. */
export function currentHealth(): HealthSnapshot | undefined {
  return latest;
}

/** Takes a snapshot in; one no newer than the current (same or lower seq) is dropped. */
export function publishHealth(snapshot: HealthSnapshot): void {
  if (latest && snapshot.seq <= latest.seq) return;
  latest = snapshot;
  emitter.fire(snapshot);
}

/** Subscribes to the client's HEALTH_CHANGED once (again for the same client: a no-op). Works before client.start(). */
export function attachHealthFeed(client: LanguageClient): vscode.Disposable {
  if (attached.has(client)) return new vscode.Disposable(() => undefined);
  attached.add(client);
  const subs = [
    client.onNotification(HEALTH_CHANGED, (s: HealthSnapshot) => publishHealth(s)),
    // A restarted server counts seq from the start again: forget the old one, or its snapshots would look stale.
    client.onDidChangeState((e) => {
      if (e.newState === State.Starting) latest = undefined;
    }),
  ];
  return new vscode.Disposable(() => {
    attached.delete(client);
    for (const s of subs) s.dispose();
  });
}

/** Asks the server for its snapshot (refresh: also start a new round of probes and cache inspection) and publishes it. */
export async function requestHealth(client: LanguageClient, refresh = false): Promise<HealthSnapshot | undefined> {
  const params: HealthParams = { refresh };
  publishHealth(await client.sendRequest<HealthSnapshot>(HEALTH_REQUEST, params));
  return latest;
}
