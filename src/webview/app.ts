// The panel page: keeps the view state (sort, filter, last snapshot) with getState/setState, talks to the host
// (requests with ids, answered by 'response'), and renders every section again on each snapshot, keeping focus.
import type { HealthSnapshot, OverallState } from '../protocol';
import type { HostMessage, PanelRequest, PanelStrings } from '../extension/panel/messages';
import { actionButton, type ViewContext } from './context';
import { append, button, clear, h } from './dom';
import { DEFAULT_SORT, MODULE_SORT_KEYS, format, nextSort, type ModuleSortKey, type SortState } from './model';
import { modulesView } from './modulesView';
import { cacheView, envView, findingsView, mirrorsView, probesView } from './sections';

interface ViewState {
  sort: SortState;
  filter: string;
  strings?: PanelStrings;
  lang?: string;
  snapshot?: HealthSnapshot | null;
}

interface Skeleton {
  header: HTMLElement;
  progress: HTMLElement;
  status: HTMLElement;
  modulesCount: HTMLElement;
  sections: Record<'modules' | 'env' | 'probes' | 'mirrors' | 'cache' | 'findings', HTMLElement>;
}

function restoredState(raw: unknown): ViewState {
  const st = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<ViewState>;
  const sort = st.sort && (MODULE_SORT_KEYS as readonly string[]).includes(st.sort.key) && (st.sort.dir === 'asc' || st.sort.dir === 'desc') ? st.sort : DEFAULT_SORT;
  return { sort, filter: typeof st.filter === 'string' ? st.filter : '', strings: st.strings, lang: st.lang, snapshot: st.snapshot ?? null };
}

export class App {
  private state: ViewState;
  private serverRunning = true;
  private skeleton?: Skeleton;
  private nextId = 1;
  private readonly pending = new Map<number, string>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly api: WebviewApi<ViewState>,
    private readonly root: HTMLElement,
  ) {
    this.state = restoredState(api.getState());
  }

  start(): void {
    window.addEventListener('message', (ev: MessageEvent) => this.receive(ev.data as HostMessage));
    if (this.state.strings) this.render(); // the last view at once, until the host's data comes
    this.api.postMessage({ type: 'ready' });
  }

  private save(): void {
    this.api.setState(this.state);
  }

  private receive(m: HostMessage): void {
    if (typeof m !== 'object' || m === null) return;
    switch (m.type) {
      case 'init':
        if (this.state.lang !== m.lang) this.skeleton = undefined; // rebuild the static parts in the new language
        this.state.strings = m.strings;
        this.state.lang = m.lang;
        break;
      case 'health':
        this.serverRunning = m.serverRunning;
        if (m.snapshot || !this.state.snapshot) this.state.snapshot = m.snapshot;
        break;
      case 'response': {
        const key = this.pending.get(m.id);
        if (key === undefined) return;
        this.pending.delete(m.id);
        this.busy.delete(key);
        if (m.message) this.announce(m.message, !m.ok);
        break;
      }
      default:
        return;
    }
    this.save();
    this.render();
  }

  private send = (request: PanelRequest, busyKey: string): void => {
    if (this.busy.has(busyKey)) return;
    const id = this.nextId++;
    this.pending.set(id, busyKey);
    this.busy.add(busyKey);
    this.announce('', false);
    this.api.postMessage({ type: 'request', id, request });
    this.render();
  };

  private announce(text: string, isError: boolean): void {
    if (!this.skeleton) return;
    this.skeleton.status.textContent = text;
    this.skeleton.status.classList.toggle('error', isError);
  }

  private onSort = (key: ModuleSortKey): void => {
    this.state.sort = nextSort(this.state.sort, key);
    this.save();
    this.render();
  };

  private build(s: PanelStrings): Skeleton {
    clear(this.root);
    const section = (id: keyof Skeleton['sections'], title: string, ...before: HTMLElement[]): HTMLElement => {
      const body = h('div', { class: 'section-body' });
      append(this.root, h('section', { attrs: { id, 'aria-labelledby': `${id}-title` } }, h('h2', { attrs: { id: `${id}-title` } }, title), ...before, body));
      return body;
    };
    const header = h('header', { class: 'top' });
    const progress = h('div', { class: 'progress', attrs: { role: 'status', 'aria-live': 'polite' } });
    const status = h('p', { class: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
    append(this.root, header, progress, status);

    const filter = h('input', {
      attrs: { type: 'search', id: 'module-filter', placeholder: s.filterPlaceholder, 'aria-controls': 'modules', 'data-key': 'filter', spellcheck: 'false' },
    });
    filter.value = this.state.filter;
    filter.addEventListener('input', () => {
      this.state.filter = filter.value;
      this.save();
      this.render();
    });
    const modulesCount = h('span', { class: 'muted count', attrs: { 'aria-live': 'polite' } });
    const toolbar = h('div', { class: 'toolbar filter' }, h('label', { attrs: { for: 'module-filter' } }, s.filterLabel), filter, modulesCount);
    return {
      header,
      progress,
      status,
      modulesCount,
      sections: {
        modules: section('modules', s.sectionModules, toolbar),
        env: section('env', s.sectionEnvironment),
        probes: section('probes', s.sectionProbes),
        mirrors: section('mirrors', s.sectionMirrors),
        cache: section('cache', s.sectionCache),
        findings: section('findings', s.sectionFindings),
      },
    };
  }

  private render(): void {
    const s = this.state.strings;
    if (!s) return;
    document.documentElement.lang = this.state.lang ?? 'en';
    document.title = s.title;
    this.skeleton ??= this.build(s);
    const sk = this.skeleton;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;

    const snap = this.state.snapshot ?? null;
    const ctx: ViewContext = { s, lang: this.state.lang ?? 'en', trusted: snap?.trusted ?? true, busy: this.busy, send: this.send };
    this.renderHeader(ctx, snap);
    this.renderProgress(ctx, snap);
    this.root.setAttribute('aria-busy', String(!snap || snap.overall.state === 'checking'));
    if (snap) {
      const modules = modulesView(ctx, snap.modules, this.state.sort, this.state.filter, this.onSort);
      replace(sk.sections.modules, modules.body);
      sk.modulesCount.textContent = snap.modules.length ? modules.count : '';
      replace(sk.sections.env, envView(ctx, snap.env));
      replace(sk.sections.probes, probesView(ctx, snap.probes));
      replace(sk.sections.mirrors, mirrorsView(ctx, snap.mirrors));
      replace(sk.sections.cache, cacheView(ctx, snap.cache));
      replace(sk.sections.findings, findingsView(ctx, snap.findings));
    }
    for (const body of Object.values(sk.sections)) body.closest('section')!.hidden = !snap;
    if (focused) {
      const again = this.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`);
      if (again && again !== document.activeElement) again.focus();
    }
  }

  private renderHeader(ctx: ViewContext, snap: HealthSnapshot | null): void {
    const s = ctx.s;
    const stateLabel: Record<OverallState, string> = {
      checking: s.stateChecking,
      healthy: s.stateHealthy,
      degraded: s.stateDegraded,
      failing: s.stateFailing,
      untrusted: s.stateUntrusted,
      idle: s.stateIdle,
    };
    const header = this.skeleton!.header;
    clear(header);
    const title = h('h1', null, s.title);
    if (!snap) {
      append(header, title, h('p', { class: 'muted' }, this.serverRunning ? s.waitingForServer : s.serverNotRunning));
      return;
    }
    const state = snap.overall.state;
    // "go1.26.0" reads as "Go 1.26.0 at …" in the template.
    const go = snap.go.path ? format(s.goVersion, (snap.go.version ?? '?').replace(/^go/, ''), snap.go.path) : snap.trusted ? s.goMissing : '';
    const updated = format(s.updatedAt, new Date(snap.updatedAt).toLocaleTimeString(ctx.lang));
    append(
      header,
      h('div', { class: 'title-row' }, title, h('span', { class: `badge state-${state}`, attrs: { 'data-state': state } }, stateLabel[state])),
      snap.overall.reason ? h('p', { class: 'reason' }, snap.overall.reason) : null,
      h('p', { class: 'muted facts' }, go, go && snap.envFile ? ' · ' : '', snap.envFile ? format(s.envFile, snap.envFile) : '', ' · ', updated),
      h(
        'div',
        { class: 'toolbar' },
        actionButton(ctx, s.recheck, { kind: 'recheck' }, 'recheck', { primary: true, needsTrust: true }),
        actionButton(ctx, s.copyReport, { kind: 'copyReport' }, 'copy-report'),
        actionButton(ctx, s.saveReport, { kind: 'saveReport' }, 'save-report'),
      ),
    );
    if (!snap.trusted) {
      const trust = button(s.manageTrust, () => this.send({ kind: 'command', command: 'workbench.trust.manage' }, 'trust'), {
        class: 'primary',
        attrs: { 'data-key': 'trust' },
      });
      append(header, h('div', { class: 'banner', attrs: { role: 'note' } }, h('p', null, s.untrustedBody), trust));
    }
  }

  private renderProgress(ctx: ViewContext, snap: HealthSnapshot | null): void {
    const s = ctx.s;
    const r = snap?.running;
    const lines: string[] = [];
    if (r?.modules) lines.push(r.total ? format(s.progressModules, r.done ?? 0, r.total) : s.stateChecking);
    if (r?.probes) lines.push(s.progressProbes);
    if (r?.cache) lines.push(s.progressCache);
    const el = this.skeleton!.progress;
    const text = lines.join(' · ');
    // Rewritten only when it changes, so screen readers announce each step once.
    if (el.dataset.text === text) {
      const bar = el.querySelector('progress');
      if (bar && r?.total) bar.value = r.done ?? 0;
      return;
    }
    el.dataset.text = text;
    clear(el);
    if (!text) return;
    const bar = r?.modules && r.total ? h('progress', { attrs: { max: r.total, 'aria-label': s.progressLabel } }) : null;
    if (bar) bar.value = r?.done ?? 0;
    append(el, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', null, text), bar);
  }
}

function replace(container: HTMLElement, content: Node): void {
  clear(container);
  container.appendChild(content);
}
