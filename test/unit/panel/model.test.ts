// The panel's pure logic: module sorting and filtering, version order (checked against the semver package),
// probe timelines, number formats.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import semver from 'semver';
import type { HealthModule } from '../../../src/protocol';
import {
  compareVersions,
  DEFAULT_SORT,
  filterModules,
  format,
  formatBytes,
  formatMs,
  MODULE_SORT_KEYS,
  nextSort,
  sortModules,
  timelineScale,
  timelineSegments,
} from '../../../src/webview/model';
import { moduleRow, sampleSnapshot } from './snapshots';

const STATUS_ORDER: HealthModule['status'][] = ['error', 'warning', 'checking', 'ok', 'skipped'];

// Small ranges, so that two random versions often share a prefix and the prerelease rules decide.
const identifier = fc.oneof(fc.nat({ max: 12 }).map(String), fc.stringMatching(/^[a-c][a-c0-9-]{0,2}$/));
const semverText = fc
  .tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 }), fc.nat({ max: 11 }), fc.array(identifier, { maxLength: 3 }), fc.option(fc.stringMatching(/^[a-z0-9]{1,4}$/)))
  .map(([a, b, c, pre, build]) => `${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`);

const moduleArb = fc.record({
  module: fc.stringMatching(/^[a-z]{1,3}\.[a-z]{1,2}\/[a-z]{1,3}$/),
  version: semverText.map((v) => `v${v}`),
  direct: fc.boolean(),
  route: fc.constantFrom('https://proxy.golang.org', 'direct', 'http://127.0.0.1:8'),
  status: fc.constantFrom(...STATUS_ORDER),
  latencyMs: fc.option(fc.nat({ max: 9000 }), { nil: undefined }),
  line: fc.nat({ max: 50 }),
  finding: fc.option(
    fc.record({ code: fc.constantFrom('module.unreachable', 'module.not-found', 'module.slow'), severity: fc.constantFrom('error', 'warning', 'info', 'hint') as fc.Arbitrary<'error' | 'warning' | 'info' | 'hint'>, message: fc.string() }),
    { nil: undefined },
  ),
});

describe('panel model: versions', () => {
  it('orders valid versions exactly as semver does (random versions)', () => {
    fc.assert(
      fc.property(semverText, semverText, (a, b) => {
        assert.equal(Math.sign(compareVersions(`v${a}`, `v${b}`)), semver.compare(a, b), `${a} vs ${b}`);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('puts text that is no version after every version', () => {
    assert.ok(compareVersions('v1.0.0', 'master') < 0);
    assert.ok(compareVersions('master', 'v0.0.1') > 0);
    assert.ok(compareVersions('latest', 'master') < 0);
    assert.equal(compareVersions('master', 'master'), 0);
    assert.ok(compareVersions('v1.10.0', 'v1.9.0') > 0);
    assert.ok(compareVersions('v0.0.0-20240101000000-abcdefabcdef', 'v0.0.0') < 0);
    assert.ok(compareVersions('v1.0.0-rc.1', 'v1.0.0') < 0);
    assert.ok(compareVersions('v1.0.0-rc.2', 'v1.0.0-rc.10') < 0);
    assert.ok(compareVersions('v1.0.0-1', 'v1.0.0-alpha') < 0);
    assert.equal(compareVersions('v1.0.0+meta', 'v1.0.0'), 0);
  });
});

describe('panel model: sorting', () => {
  it('the default sort puts errors first', () => {
    const rows = sampleSnapshot().modules;
    assert.deepEqual(
      sortModules(rows, DEFAULT_SORT).map((m) => m.status),
      ['error', 'ok', 'skipped'],
    );
  });

  it('clicking a header sorts by it ascending; clicking again flips the direction', () => {
    let s = nextSort(DEFAULT_SORT, 'latency');
    assert.deepEqual(s, { key: 'latency', dir: 'asc' });
    s = nextSort(s, 'latency');
    assert.deepEqual(s, { key: 'latency', dir: 'desc' });
    assert.deepEqual(nextSort(s, 'module'), { key: 'module', dir: 'asc' });
  });

  it('is a permutation ordered by the key, rows without a value last in both directions (random rows)', () => {
    fc.assert(
      fc.property(fc.array(moduleArb, { maxLength: 25 }), fc.constantFrom(...MODULE_SORT_KEYS), fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>, (raw, key, dir) => {
        const rows = raw.map((r) => moduleRow(r));
        const sorted = sortModules(rows, { key, dir });
        assert.equal(sorted.length, rows.length);
        assert.deepEqual(new Set(sorted), new Set(rows));
        const sign = dir === 'asc' ? 1 : -1;
        const value = (m: HealthModule): number | string | undefined => {
          switch (key) {
            case 'module':
              return m.module;
            case 'route':
              return m.route;
            case 'status':
              return STATUS_ORDER.indexOf(m.status);
            case 'direct':
              return m.direct ? 0 : 1;
            case 'latency':
              return m.latencyMs;
            case 'finding':
              return m.finding ? ['error', 'warning', 'info', 'hint'].indexOf(m.finding.severity) : undefined;
            case 'version':
              return undefined; // checked with compareVersions below
          }
        };
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          if (key === 'version') {
            assert.ok(sign * compareVersions(a.version, b.version) <= 0, `${a.version} before ${b.version}`);
            continue;
          }
          const [va, vb] = [value(a), value(b)];
          if (va === undefined) assert.equal(vb, undefined, 'a row without a value sorted before one with a value');
          else if (vb !== undefined) assert.ok(sign * (va < vb ? -1 : va > vb ? 1 : 0) <= 0, `${String(va)} before ${String(vb)} (${dir})`);
        }
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('is stable across calls and does not change its input', () => {
    const rows = sampleSnapshot().modules;
    const copy = JSON.stringify(rows);
    const once = sortModules(rows, { key: 'route', dir: 'desc' });
    assert.deepEqual(sortModules([...rows].reverse(), { key: 'route', dir: 'desc' }), once);
    assert.equal(JSON.stringify(rows), copy);
  });
});

describe('panel model: filtering', () => {
  const rows = sampleSnapshot().modules;

  it('an empty query keeps every row', () => {
    assert.equal(filterModules(rows, '').length, rows.length);
    assert.equal(filterModules(rows, '   ').length, rows.length);
  });

  it('matches every word, case-insensitively, across the shown columns', () => {
    assert.deepEqual(filterModules(rows, 'GOLANG').map((m) => m.module), ['golang.org/x/mod']);
    assert.deepEqual(filterModules(rows, 'unreachable').map((m) => m.module), ['example.com/healthy']);
    assert.deepEqual(filterModules(rows, '127.0.0.1 v1.0.0').map((m) => m.module), ['example.com/healthy']);
    assert.deepEqual(filterModules(rows, '127.0.0.1 v0.17').map((m) => m.module), []);
    assert.deepEqual(filterModules(rows, 'incompatible').map((m) => m.module), ['corp.example/<b>secret</b>']);
  });

  it('matches the localized labels the row shows', () => {
    const labels = (m: HealthModule): string[] => [m.status === 'error' ? '错误' : '正常'];
    assert.deepEqual(filterModules(rows, '错误', labels).map((m) => m.module), ['example.com/healthy']);
    assert.deepEqual(filterModules(rows, '错误'), []);
  });
});

describe('panel model: timelines and formats', () => {
  const probes = sampleSnapshot().probes!;

  it('all rows share one scale: the slowest probe', () => {
    assert.equal(timelineScale(probes), 5000);
    assert.equal(timelineScale([]), 1);
  });

  it('a segment per stage that ran (not "done"), sized on the shared scale', () => {
    const scale = timelineScale(probes);
    assert.deepEqual(timelineSegments(probes[0], scale), [
      { stage: 'tcp', ms: 1, percent: 1 }, // 0.02 % would be invisible: at least 1
      { stage: 'http', ms: 4999, percent: 99.98 },
    ]);
    assert.deepEqual(
      timelineSegments(probes[1], scale).map((s) => s.stage),
      ['tcp', 'http', 'protocol'],
    );
    const zero = timelineSegments({ ...probes[1], stages: [{ stage: 'dns', ms: 0 }] }, scale);
    assert.deepEqual(zero, [{ stage: 'dns', ms: 0, percent: 0 }]);
  });

  it('formats durations and sizes', () => {
    assert.equal(formatMs(0), '0 ms');
    assert.equal(formatMs(999.4), '999 ms');
    assert.equal(formatMs(1500), '1.50 s');
    assert.equal(formatMs(12_345), '12.3 s');
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(1536 * 1024 ** 2), '1.5 GB');
    assert.equal(formatBytes(50 * 1024 ** 3), '50 GB');
  });

  it('fills placeholders, leaving the ones without an argument', () => {
    assert.equal(format('{0} of {1} modules', 2, 3), '2 of 3 modules');
    assert.equal(format('{1}/{0}', 'a', 'b'), 'b/a');
    assert.equal(format('{0} {1}', 'x'), 'x {1}');
    assert.equal(format('{0}', '{1}', 'y'), '{1}', 'arguments are not formatted again');
  });
});
