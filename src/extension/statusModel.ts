// What the status bar item and the language status item say, from the latest health snapshot. Pure (no vscode):
// statusBar.ts and languageStatus.ts only copy these fields onto the real items.
import type { HealthProbe, HealthSnapshot } from '../protocol';
import type { Translator } from './translator';

export type StatusState = 'starting' | 'checking' | 'healthy' | 'degraded' | 'failing' | 'untrusted' | 'idle';

/** One line of the tooltip: an optional bold label, then plain text (escaped when rendered). */
export interface TooltipLine {
  label?: string;
  text: string;
}

export interface StatusView {
  state: StatusState;
  /** Status bar text: one codicon, then a few words. */
  text: string;
  /** Accessible label without the codicon. */
  accessibility: string;
  tooltip: TooltipLine[];
  /** Language status item: short state, and the go version and GOPROXY in force. */
  languageText: string;
  languageDetail: string;
  severity: 'info' | 'warning' | 'error';
  busy: boolean;
}

const REASON_MAX = 48;

/** One line of at most max characters: a long "headline: details" keeps its headline, anything else is cut. */
export function shorten(text: string, max = REASON_MAX): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : (headline(one, max) ?? `${one.slice(0, max - 1).trimEnd()}…`);
}

function headline(one: string, max: number): string | undefined {
  const head = one.split(/: |：/)[0];
  return head.length < one.length && head.length <= max ? head : undefined;
}

/** The status bar words for a verdict: the reason when it fits (or its headline), else "<host> …", else the reason cut. */
function verdict(reason: string | undefined, host: string | undefined, aboutHost: string, generic: string): string {
  if (!reason) return host ? aboutHost : generic;
  const one = reason.replace(/\s+/g, ' ').trim();
  if (one.length <= REASON_MAX) return one;
  return headline(one, REASON_MAX) ?? (host ? aboutHost : shorten(one));
}

/** The state shown: trust first, then a running round, then what the server concluded. */
export function stateOf(snapshot: HealthSnapshot | undefined, trusted: boolean): StatusState {
  if (!trusted || snapshot?.trusted === false || snapshot?.overall.state === 'untrusted') return 'untrusted';
  if (!snapshot) return 'starting';
  if (snapshot.overall.state === 'checking' || snapshot.running.modules || snapshot.running.probes) return 'checking';
  return snapshot.overall.state;
}

function stateName(state: StatusState, l10n: Translator): string {
  switch (state) {
    case 'starting':
      return l10n.t('Starting');
    case 'checking':
      return l10n.t('Checking');
    case 'healthy':
      return l10n.t('Healthy');
    case 'degraded':
      return l10n.t('Degraded');
    case 'failing':
      return l10n.t('Failing');
    case 'untrusted':
      return l10n.t('Restricted');
    case 'idle':
      return l10n.t('No go.mod or go.work open');
  }
}

function envValue(snapshot: HealthSnapshot | undefined, name: string): { value: string; layer: string } | undefined {
  const v = snapshot?.env.find((e) => e.name === name);
  return v ? { value: v.value, layer: v.layer } : undefined;
}

function progress(snapshot: HealthSnapshot | undefined): string {
  const r = snapshot?.running;
  return r && r.total ? ` ${r.done ?? 0}/${r.total}` : '';
}

function probeLine(p: HealthProbe, l10n: Translator): TooltipLine {
  const what = p.ok
    ? l10n.t('{0} ms', p.ms)
    : (p.finding?.message ?? l10n.t('failed at {0} after {1} ms', p.stage, p.ms));
  return { label: p.target, text: what };
}

function moduleCounts(snapshot: HealthSnapshot, l10n: Translator): string {
  const count = (s: string) => snapshot.modules.filter((m) => m.status === s).length;
  const parts = [l10n.t('{0} ok', count('ok'))];
  if (count('warning')) parts.push(l10n.t('{0} with warnings', count('warning')));
  if (count('error')) parts.push(l10n.t('{0} failing', count('error')));
  if (count('checking')) parts.push(l10n.t('{0} being checked', count('checking')));
  if (count('skipped')) parts.push(l10n.t('{0} skipped', count('skipped')));
  return parts.join(', ');
}

function tooltipOf(state: StatusState, snapshot: HealthSnapshot | undefined, l10n: Translator): TooltipLine[] {
  const lines: TooltipLine[] = [{ label: 'Go Mod Doctor', text: stateName(state, l10n) }];
  if (state === 'untrusted') {
    lines.push({
      text: l10n.t('Restricted Mode: only go.mod, go.work and go.sum are parsed. No go command runs and no proxy is contacted until you trust this workspace.'),
    });
    return lines;
  }
  if (!snapshot) {
    lines.push({ text: l10n.t('Waiting for the language server.') });
    return lines;
  }
  if (snapshot.overall.reason) lines.push({ text: snapshot.overall.reason });
  if (state === 'checking' && snapshot.running.total) {
    lines.push({ text: l10n.t('Checked {0} of {1} modules.', snapshot.running.done ?? 0, snapshot.running.total) });
  }
  const go = snapshot.go.version ? `${snapshot.go.version}${snapshot.go.path ? ` (${snapshot.go.path})` : ''}` : l10n.t('not found');
  lines.push({ label: 'go', text: go });
  for (const name of ['GOPROXY', 'GOSUMDB', 'GOPRIVATE']) {
    const v = envValue(snapshot, name);
    if (v && (v.value || name !== 'GOPRIVATE')) lines.push({ label: name, text: l10n.t('{0} (from {1})', v.value || l10n.t('(empty)'), v.layer) });
  }
  if (snapshot.modules.length) lines.push({ label: l10n.t('Modules'), text: moduleCounts(snapshot, l10n) });
  for (const p of (snapshot.probes ?? []).filter((p) => p.configured)) lines.push(probeLine(p, l10n));
  lines.push({ text: l10n.t('Click to open the health panel.') });
  return lines;
}

export function statusView(snapshot: HealthSnapshot | undefined, trusted: boolean, l10n: Translator): StatusView {
  const state = stateOf(snapshot, trusted);
  const reason = snapshot?.overall.reason;
  const host = snapshot?.overall.host;
  let words: string;
  let icon: string;
  switch (state) {
    case 'untrusted':
      [icon, words] = ['shield', l10n.t('Restricted')];
      break;
    case 'starting':
    case 'checking':
      [icon, words] = ['sync~spin', l10n.t('Checking Go modules…') + progress(snapshot)];
      break;
    case 'healthy':
      [icon, words] = ['check', l10n.t('Go modules')];
      break;
    case 'idle':
      [icon, words] = ['circle-outline', l10n.t('Go modules')];
      break;
    case 'degraded':
      [icon, words] = ['warning', verdict(reason, host, l10n.t('{0} degraded', host ?? ''), l10n.t('Go modules degraded'))];
      break;
    case 'failing':
      [icon, words] = ['error', verdict(reason, host, l10n.t('{0} failing', host ?? ''), l10n.t('Go modules failing'))];
      break;
  }
  const proxy = envValue(snapshot, 'GOPROXY');
  const detailParts = [snapshot?.go.version ?? '', proxy ? `GOPROXY=${proxy.value}` : ''].filter((s) => s !== '');
  const languageText =
    state === 'degraded' || state === 'failing' ? `${stateName(state, l10n)}: ${words}` : state === 'checking' || state === 'starting' ? words : stateName(state, l10n);
  return {
    state,
    text: `$(${icon}) ${words}`,
    accessibility: `Go Mod Doctor: ${words}`,
    tooltip: tooltipOf(state, snapshot, l10n),
    languageText,
    languageDetail: detailParts.join(' · '),
    severity: state === 'failing' ? 'error' : state === 'degraded' || state === 'untrusted' ? 'warning' : 'info',
    busy: state === 'checking' || state === 'starting',
  };
}
