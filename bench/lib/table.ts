// The one table `npm run bench` prints: each row carries our figure, go's figure where one exists, the ratio
// (go ÷ ours, so larger is better for us), the goal and whether it is met. The same rows serialise to JSON.

export type Unit = 'ms' | 'bytes' | 'count';

export interface Figure {
  value: number;
  unit: Unit;
  /** The figure is a lower bound: the measured program was killed at a cap without an answer. */
  atLeast?: boolean;
}

/** What a row has to reach; the table builder judges it, so every row is judged the same way. */
export type Goal =
  /** Our figure at most this value (in the figure's unit). */
  | { kind: 'max'; value: number }
  /** go ÷ ours at least this. */
  | { kind: 'ratio'; value: number }
  /** Our figure equal to this value (e.g. requests sent = module versions). */
  | { kind: 'equal'; value: number; label?: string }
  | { kind: 'all'; goals: Goal[] };

export interface Row {
  /** Scenario number of the issue (1–6). */
  scenario: number;
  metric: string;
  ours?: Figure;
  go?: Figure;
  goal?: Goal;
  /** The goal is the bench's own budget (the issue sets none for this row); marked with * in the table. */
  ownGoal?: boolean;
  /** Why there is no figure (the row still shows, with this reason). */
  skipped?: string;
  /** How many runs the figure summarises (median when > 1). */
  runs?: number;
  note?: string;
}

export interface Ratio {
  value: number;
  atLeast: boolean;
}

export interface JudgedRow extends Row {
  ratio?: Ratio;
  /** true met, false missed, undefined when there is no goal or no figure. */
  pass?: boolean;
  display: { ours: string; go: string; ratio: string; goal: string; result: string };
}

export function formatFigure(f: Figure | undefined): string {
  if (!f) return '—';
  const prefix = f.atLeast ? '≥ ' : '';
  return prefix + formatValue(f.value, f.unit);
}

export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return '—';
  switch (unit) {
    case 'ms':
      if (v < 10) return `${v.toFixed(2)} ms`;
      if (v < 1000) return `${Math.round(v)} ms`;
      return `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`;
    case 'bytes':
      if (v < 1024) return `${v} B`;
      if (v < 1024 * 1024) return `${(v / 1024).toFixed(1)} KB`;
      return `${(v / 1024 / 1024).toFixed(2)} MB`;
    case 'count':
      return String(Math.round(v));
  }
}

/** go ÷ ours; a lower bound when go's figure is one. Undefined without both figures (or a zero of ours). */
export function ratioOf(row: Row): Ratio | undefined {
  if (!row.ours || !row.go || row.ours.unit !== row.go.unit || !(row.ours.value > 0)) return undefined;
  if (row.ours.atLeast) return undefined; // both unbounded: no ratio can be claimed
  return { value: row.go.value / row.ours.value, atLeast: !!row.go.atLeast };
}

export function formatRatio(r: Ratio | undefined): string {
  if (!r) return '—';
  const v = r.value >= 100 ? Math.round(r.value).toString() : r.value >= 10 ? r.value.toFixed(1) : r.value.toFixed(2);
  return `${r.atLeast ? '≥ ' : ''}${v}×`;
}

export function formatGoal(g: Goal | undefined, unit: Unit | undefined): string {
  if (!g) return '—';
  switch (g.kind) {
    case 'max':
      return `≤ ${unit ? formatValue(g.value, unit) : g.value}`;
    case 'ratio':
      return `≥ ${g.value}×`;
    case 'equal':
      return `= ${g.label ?? g.value}`;
    case 'all':
      return g.goals.map((x) => formatGoal(x, unit)).join(', ');
  }
}

/** Whether the goal is met; undefined when it cannot be judged (no figure). A ratio that is only a lower bound
 *  meets a ratio goal when the bound already reaches it. */
export function judge(g: Goal | undefined, row: Row, ratio: Ratio | undefined): boolean | undefined {
  if (!g || !row.ours) return undefined;
  switch (g.kind) {
    case 'max':
      return !row.ours.atLeast && row.ours.value <= g.value;
    case 'ratio':
      return ratio ? ratio.value >= g.value : false;
    case 'equal':
      return !row.ours.atLeast && row.ours.value === g.value;
    case 'all': {
      const parts = g.goals.map((x) => judge(x, row, ratio));
      return parts.every((p) => p === true) ? true : parts.some((p) => p === false) ? false : undefined;
    }
  }
}

export function judgeRow(row: Row): JudgedRow {
  const ratio = ratioOf(row);
  const pass = row.skipped ? undefined : judge(row.goal, row, ratio);
  const result = row.skipped ? 'skipped' : pass === true ? 'pass' : pass === false ? 'FAIL' : '—';
  return {
    ...row,
    ratio,
    pass,
    display: {
      ours: row.skipped && !row.ours ? 'skipped' : formatFigure(row.ours),
      go: formatFigure(row.go),
      ratio: formatRatio(ratio),
      goal: formatGoal(row.goal, row.ours?.unit ?? row.go?.unit) + (row.goal && row.ownGoal ? ' *' : ''),
      result,
    },
  };
}

const HEADERS = ['#', 'metric', 'ours', 'go', 'ratio', 'goal', 'result'] as const;

/** The table as text: one line per row, columns padded; notes numbered below it. */
export function renderTable(rows: readonly JudgedRow[]): string {
  const notes: string[] = [];
  const cells = rows.map((r) => {
    let metric = r.metric + (r.runs && r.runs > 1 ? ` (median of ${r.runs})` : '');
    const note = [r.skipped ? `skipped: ${r.skipped}` : '', r.note ?? ''].filter(Boolean).join('; ');
    if (note) {
      notes.push(note);
      metric += ` [${notes.length}]`;
    }
    return [String(r.scenario), metric, r.display.ours, r.display.go, r.display.ratio, r.display.goal, r.display.result];
  });
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => c.map((s, i) => s.padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const met = rows.filter((r) => r.pass === true).length;
  const missed = rows.filter((r) => r.pass === false).length;
  const skipped = rows.filter((r) => r.skipped).length;
  out.push('', `goals: ${met} met, ${missed} missed${skipped ? `, ${skipped} skipped` : ''}`);
  if (rows.some((r) => r.goal && r.ownGoal)) out.push('* the bench\'s own budget: the issue sets no goal for this row');
  if (notes.length) out.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return out.join('\n') + '\n';
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  machine: Record<string, string | number>;
  rows: JudgedRow[];
  summary: { met: number; missed: number; skipped: number };
}

export function buildReport(rows: readonly Row[], startedAt: Date, durationMs: number, machine: Record<string, string | number>): BenchReport {
  const judged = rows.map(judgeRow);
  return {
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    machine,
    rows: judged,
    summary: {
      met: judged.filter((r) => r.pass === true).length,
      missed: judged.filter((r) => r.pass === false).length,
      skipped: judged.filter((r) => r.skipped).length,
    },
  };
}
