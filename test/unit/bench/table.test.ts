// The bench's table builder on tiny hand-made rows: ratios (go ÷ ours, lower bounds when go was capped), goal
// judging, formatting, and the rendered table. Keeps bench/ from rotting without running the bench itself.
import * as assert from 'node:assert/strict';
import { parseOptions } from '../../../bench/lib/options';
import { median, percentile } from '../../../bench/lib/stats';
import { buildReport, formatValue, judgeRow, ratioOf, renderTable, type Row } from '../../../bench/lib/table';

const ms = (value: number, atLeast = false) => ({ value, unit: 'ms' as const, atLeast });

describe('bench table', () => {
  it('ratio is go ÷ ours, a lower bound when go was killed at its cap', () => {
    assert.deepEqual(ratioOf({ scenario: 1, metric: 'm', ours: ms(200), go: ms(3000) }), { value: 15, atLeast: false });
    assert.deepEqual(ratioOf({ scenario: 1, metric: 'm', ours: ms(1250), go: ms(40_000, true) }), { value: 32, atLeast: true });
    assert.equal(ratioOf({ scenario: 1, metric: 'm', ours: ms(100) }), undefined, 'no go figure, no ratio');
    assert.equal(ratioOf({ scenario: 1, metric: 'm', ours: { value: 3, unit: 'count' }, go: ms(100) }), undefined, 'units must agree');
    assert.equal(ratioOf({ scenario: 1, metric: 'm', ours: ms(100, true), go: ms(100, true) }), undefined, 'two bounds say nothing');
  });

  it('judges max, ratio, equal and combined goals', () => {
    const row = (ours: number, go: number, goal: Row['goal'], goCapped = false): Row => ({ scenario: 2, metric: 'm', ours: ms(ours), go: ms(go, goCapped), goal });
    const both = { kind: 'all' as const, goals: [{ kind: 'max' as const, value: 1000 }, { kind: 'ratio' as const, value: 10 }] };
    assert.equal(judgeRow(row(900, 9500, both)).pass, true);
    assert.equal(judgeRow(row(900, 8000, both)).pass, false, 'ratio 8.9 < 10');
    assert.equal(judgeRow(row(1100, 50_000, both)).pass, false, 'over 1 s');
    assert.equal(judgeRow(row(1000, 29_000, { kind: 'ratio', value: 30 }, true)).pass, false, 'a bound below the goal proves nothing');
    assert.equal(judgeRow(row(1000, 31_000, { kind: 'ratio', value: 30 }, true)).pass, true, 'a bound above the goal is enough');
    assert.equal(judgeRow({ scenario: 2, metric: 'requests', ours: { value: 205, unit: 'count' }, goal: { kind: 'equal', value: 205 } }).pass, true);
    assert.equal(judgeRow({ scenario: 2, metric: 'requests', ours: { value: 662, unit: 'count' }, goal: { kind: 'equal', value: 205 } }).pass, false);
    assert.equal(judgeRow({ scenario: 5, metric: 'x', skipped: 'code-server is not installed', goal: { kind: 'max', value: 1 } }).pass, undefined);
    assert.equal(judgeRow({ scenario: 6, metric: 'size', ours: { value: 5, unit: 'bytes' } }).pass, undefined, 'no goal, nothing to judge');
  });

  it('formats times, sizes and counts', () => {
    assert.equal(formatValue(0.8612, 'ms'), '0.86 ms');
    assert.equal(formatValue(412.4, 'ms'), '412 ms');
    assert.equal(formatValue(1349, 'ms'), '1.35 s');
    assert.equal(formatValue(40_000, 'ms'), '40.0 s');
    assert.equal(formatValue(489_066, 'bytes'), '477.6 KB');
    assert.equal(formatValue(82_595_840, 'bytes'), '78.77 MB');
    assert.equal(formatValue(661.6, 'count'), '662');
  });

  it('renders one line per row with notes, marks the bench\'s own goals and counts the results', () => {
    const rows: Row[] = [
      { scenario: 1, metric: 'stalled proxy', ours: ms(1300), go: ms(46_000, true), runs: 3, goal: { kind: 'ratio', value: 30 }, note: 'go was killed at the cap' },
      { scenario: 4, metric: 'local rules p95', ours: ms(12), goal: { kind: 'max', value: 10 }, ownGoal: true },
      { scenario: 5, metric: 'activation', skipped: 'code-server is not installed' },
    ];
    const report = buildReport(rows, new Date(0), 1234, { cpus: 2 });
    assert.deepEqual(report.summary, { met: 1, missed: 1, skipped: 1 });
    const text = renderTable(report.rows);
    const lines = text.split('\n');
    assert.match(lines[0], /^#\s+metric\s+ours\s+go\s+ratio\s+goal\s+result$/);
    assert.match(text, /stalled proxy \(median of 3\) \[1\]\s+1\.30 s\s+≥ 46\.0 s\s+≥ 35\.4×\s+≥ 30×\s+pass/);
    assert.match(text, /local rules p95\s+12 ms\s+—\s+—\s+≤ 10 ms \*\s+FAIL/);
    assert.match(text, /activation \[2\]\s+skipped\s+—\s+—\s+—\s+skipped/);
    assert.match(text, /^\[2\] skipped: code-server is not installed$/m);
    assert.match(text, /^goals: 1 met, 1 missed, 1 skipped$/m);
    assert.match(text, /^\[1\] go was killed at the cap$/m);
    assert.equal(JSON.parse(JSON.stringify(report)).rows[0].display.ratio, '≥ 35.4×');
  });

  it('median and nearest-rank percentiles', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 50), 50);
    assert.equal(percentile(xs, 95), 95);
    assert.equal(percentile([7], 95), 7);
  });

  it('parses --json, --quick and --only', () => {
    assert.deepEqual(parseOptions([]), { json: false, quick: false });
    const o = parseOptions(['--json', '--only', '1,3']);
    assert.equal(o.json, true);
    assert.deepEqual([...o.only!], [1, 3]);
    assert.deepEqual([...parseOptions(['--only=6']).only!], [6]);
    assert.throws(() => parseOptions(['--only', '7']), /1-6/);
    assert.throws(() => parseOptions(['--fast']), /unknown option/);
  });
});
