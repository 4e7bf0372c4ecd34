// Differential test: for a matrix of GOPROXY / GOPRIVATE / GONOPROXY / GONOSUMDB / GOSUMDB values, the hosts and
// order the real `go mod download -json` contacts (recorded by loopback proxies and a CONNECT recorder standing in
// for HTTPS_PROXY) must equal what route() predicts, and go's reported outcome must match the predicted one.
// No request leaves the machine: every non-loopback host is reached only through the CONNECT recorder, which
// refuses it. Direct (VCS) fetches therefore show up as a refused CONNECT to the module's host and as go's
// "unrecognized import path" error.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGo } from '../../../src/core/gocmd/run';
import { loadEnvSnapshot } from '../../../src/core/goenv/load';
import { resolveEnv } from '../../../src/core/goenv/resolve';
import { route, simulateDownload, type AttemptResult, type Route, type RouteSource, type SumdbProbe } from '../../../src/core/goenv/route';
import { parseGoUrl } from '../../../src/core/goenv/goproxy';
import {
  ConnectRecorder,
  RecordingProxy,
  TestSumdb,
  proxyTreeFiles,
  refusedUrl,
  tinyModule,
  type RecordedRequest,
  type TestModule,
} from '../../support/recording-proxy';
import { pick, pool, prng, quietHome, realGo, removeTree, sealedEnv, tempDir } from './support';

const MODULES: TestModule[] = [
  tinyModule('mod.test/pub/a', 'v1.0.0'),
  tinyModule('corp.test/priv/b', 'v1.0.0'),
  tinyModule('mod.test/Upper/c', 'v1.2.3'),
];
const SUMDB_NAME = 'sum.test';

/** Per-case answers of the three recording proxies: module status and /sumdb/<name>/supported status. */
interface ProxyPlan {
  answer: number;
  supported: number;
}

interface Case {
  label: string;
  module: TestModule;
  /** GOPROXY with placeholders P1 P2 P3 R B FOK FEMPTY EXT, replaced per slot. */
  goproxy: string;
  plans: ProxyPlan[];
  goprivate?: string;
  gonoproxy?: string;
  gonosumdb?: string;
  /** GOSUMDB with placeholders KEY and SURL. */
  gosumdb: string;
  goinsecure?: string;
}

interface Slot {
  proxies: RecordingProxy[];
  rootSumdb: RecordingProxy;
  connect: ConnectRecorder;
  refused: string;
  fileOk: string;
  fileEmpty: string;
  dir: string;
  home: string;
}

let db: TestSumdb;
/** The per-case plans, read by each slot's proxies through these mutable holders. */
const currentPlans: ProxyPlan[][] = [[], []];

async function makeSlot(index: number, top: string): Promise<Slot> {
  const proxies: RecordingProxy[] = [];
  for (let i = 0; i < 3; i++) {
    const p = new RecordingProxy({
      modules: MODULES,
      sumdbs: [db],
      answer: () => currentPlans[index][i]?.answer ?? 200,
      supported: () => currentPlans[index][i]?.supported ?? 404,
    });
    proxies.push(await p.start());
  }
  const rootSumdb = await new RecordingProxy({ modules: [], rootSumdb: db }).start();
  const connect = await new ConnectRecorder().start();
  const dir = join(top, `slot${index}`);
  const fileOk = join(dir, 'fileproxy');
  for (const f of proxyTreeFiles(MODULES)) {
    mkdirSync(join(fileOk, f.rel, '..'), { recursive: true });
    writeFileSync(join(fileOk, f.rel), f.data);
  }
  const fileEmpty = join(dir, 'emptyproxy');
  mkdirSync(fileEmpty, { recursive: true });
  const home = quietHome(join(dir, 'home'));
  return { proxies, rootSumdb, connect, refused: await refusedUrl(), fileOk: `file://${fileOk}`, fileEmpty: `file://${fileEmpty}`, dir, home };
}

function substitute(c: Case, slot: Slot): { GOPROXY: string; GOSUMDB: string } {
  const goproxy = c.goproxy
    .replace(/\bP([123])\b/g, (_, n: string) => slot.proxies[Number(n) - 1].url)
    .replace(/\bB\b/g, slot.proxies[0].host) // no scheme: go adds https:// and talks TLS to a plain-HTTP port
    .replace(/\bR\b/g, slot.refused)
    .replace(/\bFOK\b/g, slot.fileOk)
    .replace(/\bFEMPTY\b/g, slot.fileEmpty)
    .replace(/\bEXT\b/g, 'https://goproxy.cn');
  const gosumdb = c.gosumdb.replace('KEY', db.verifierKey).replace('SURL', slot.rootSumdb.url);
  return { GOPROXY: goproxy, GOSUMDB: gosumdb };
}

/** host:port a source connects to; undefined when nothing observable happens (file://, refused port, off). */
function contactOf(s: { kind?: string; url?: string; host?: string; insecure?: boolean }, slot: Slot): string | undefined {
  if (s.kind === 'off') return undefined;
  if (s.kind === 'direct') return `${s.host}:443`;
  const u = parseGoUrl(s.url!).url;
  if (!u || u.scheme === 'file') return undefined;
  if (s.url!.startsWith(slot.refused)) return undefined;
  const host = u.host.toLowerCase();
  return host.includes(':') ? host : `${host}:${u.scheme === 'http' ? 80 : 443}`;
}

/** How each source answers in this case (the model's input, derived from the servers' configuration). */
function answerOf(c: Case, slot: Slot, s: { kind?: string; url?: string }): AttemptResult {
  if (s.kind === 'direct') return 'not-found'; // go cannot locate a repository: counts as not found
  const url = s.url!;
  if (url.startsWith(slot.fileOk)) return 'ok';
  if (url.startsWith(slot.fileEmpty)) return 'not-found';
  const i = slot.proxies.findIndex((p) => url.startsWith(p.url));
  if (i < 0) return 'error'; // refused port, TLS to a plain-HTTP port, or an external host refused by the recorder
  const status = c.plans[i].answer;
  return status === 200 ? 'ok' : status === 404 || status === 410 ? 'not-found' : 'error';
}

function supportedOf(c: Case, slot: Slot, p: SumdbProbe): AttemptResult {
  if (p.url.startsWith(slot.fileOk) || p.url.startsWith(slot.fileEmpty)) return 'not-found';
  const i = slot.proxies.findIndex((x) => p.url.startsWith(x.url));
  if (i < 0) return 'error';
  // The recording proxies answer /supported the same way for every database name.
  const status = c.plans[i].supported;
  return status === 200 ? 'ok' : status === 404 || status === 410 ? 'not-found' : 'error';
}

interface Expectation {
  /** Every module-fetch contact in order, across the .info, .mod and .zip walks. */
  fetchContacts: string[];
  sumdbProbes: string[];
  sumdbLookupAt?: string;
  success: boolean;
  errorIncludes?: string;
}

function contactsOf(s: RouteSource, slot: Slot): string[] {
  if (s.repeat) return []; // answered from go's lookup cache
  const h = contactOf(s, slot);
  // A direct fetch of a GOINSECURE path tries https, then plain http.
  if (s.kind === 'direct' && s.insecure) return [h!, `${s.host}:80`];
  return h ? [h] : [];
}

function expectFor(c: Case, slot: Slot, r: Route): Expectation {
  if (r.error) return { fetchContacts: [], sumdbProbes: [], success: false, errorIncludes: r.error.replace(/^parse "[^"]*": /, '') };
  const sim = simulateDownload(
    r,
    (s) => answerOf(c, slot, s),
    (p) => supportedOf(c, slot, p),
    (base) => base.startsWith(slot.rootSumdb.url) || slot.proxies.some((p) => base === `${p.url}/sumdb/${SUMDB_NAME}`),
  );
  const exp: Expectation = {
    fetchContacts: sim.walks.flatMap((w) => w.walk.tried.flatMap((s) => contactsOf(s, slot))),
    sumdbProbes: (sim.sumdb?.probed ?? []).map((p) => contactOf({ url: p.url }, slot)).filter((h): h is string => !!h),
    success: sim.ok,
  };
  if (sim.sumdb?.base) {
    const base = sim.sumdb.base;
    const viaProxy = slot.proxies.find((p) => base.startsWith(p.url + '/sumdb/'));
    exp.sumdbLookupAt = viaProxy ? viaProxy.host : base.startsWith(slot.rootSumdb.url) ? slot.rootSumdb.host : contactOf({ url: base }, slot);
  }
  if (!sim.ok) {
    const last = sim.walks[sim.walks.length - 1].walk;
    if (last.tried.some((s) => s.kind === 'direct')) exp.errorIncludes = 'unrecognized import path';
    else if (sim.walks.length > 1) exp.errorIncludes = r.sumdb.consulted && r.sumdb.error ? r.sumdb.error : 'verifying';
    else if (last.tried.every((s) => s.kind === 'off' || answerOf(c, slot, s) === 'not-found') && last.tried.some((s) => s.kind === 'off')) {
      exp.errorIncludes = 'module lookup disabled by GOPROXY=off';
    }
  }
  return exp;
}

/** Splits recorded traffic into module fetches and checksum-database traffic, keeping the order. */
function observe(records: RecordedRequest[], sumdbHosts: Set<string>) {
  const sumdb: RecordedRequest[] = [];
  const fetch: string[] = [];
  for (const rec of records) {
    if (rec.kind.startsWith('sumdb-') || (rec.kind === 'connect' && sumdbHosts.has(rec.host))) sumdb.push(rec);
    else if (rec.kind === 'proxy-http') fetch.push(rec.host.replace(/:\d+$/, '') + ':80');
    else fetch.push(rec.host);
  }
  return {
    fetch,
    sumdbProbes: sumdb.filter((r) => r.kind === 'sumdb-supported').map((r) => r.host),
    sumdbLookups: sumdb.filter((r) => r.kind === 'sumdb-lookup' || r.kind === 'connect').map((r) => r.host),
  };
}

function handPicked(): Case[] {
  const ok = { answer: 200, supported: 404 };
  const nf = { answer: 404, supported: 404 };
  const gone = { answer: 410, supported: 410 };
  const err = { answer: 500, supported: 500 };
  const forbidden = { answer: 403, supported: 403 };
  const sup = { answer: 200, supported: 200 };
  const m0 = MODULES[0];
  const priv = MODULES[1];
  return [
    { label: 'comma: 404 falls through', module: m0, goproxy: 'P1,P2,direct', plans: [nf, sup, ok], gosumdb: 'KEY' },
    { label: 'comma: 410 falls through', module: m0, goproxy: 'P1,P2', plans: [gone, sup, ok], gosumdb: 'KEY' },
    { label: 'comma: 500 stops', module: m0, goproxy: 'P1,P2,direct', plans: [err, ok, ok], gosumdb: 'off' },
    { label: 'comma: 403 stops (gatekeeper)', module: m0, goproxy: 'P1,P2', plans: [forbidden, ok, ok], gosumdb: 'off' },
    { label: 'pipe: 500 falls through', module: m0, goproxy: 'P1|P2', plans: [err, sup, ok], gosumdb: 'KEY' },
    { label: 'pipe: refused falls through', module: m0, goproxy: 'R|P2', plans: [ok, sup, ok], gosumdb: 'KEY' },
    { label: 'comma: refused stops', module: m0, goproxy: 'R,P2', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'https to a plain port, pipe', module: m0, goproxy: 'B|P2', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'https to a plain port, comma', module: m0, goproxy: 'B,P2', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'all not found then direct', module: m0, goproxy: 'P1,P2,direct', plans: [nf, gone, ok], gosumdb: 'off' },
    { label: 'off', module: m0, goproxy: 'off', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'not found then off', module: m0, goproxy: 'P1,off', plans: [nf, ok, ok], gosumdb: 'off' },
    { label: 'entries after direct are ignored', module: m0, goproxy: 'direct,P1', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'GOPRIVATE: direct, then the direct entry again', module: priv, goproxy: 'P1,P2,direct', plans: [ok, ok, ok], goprivate: 'corp.test', gosumdb: 'KEY' },
    { label: 'GOPRIVATE with GOPROXY=off still goes direct', module: priv, goproxy: 'off', plans: [ok, ok, ok], goprivate: 'corp.test', gosumdb: 'KEY' },
    { label: 'GONOPROXY=none keeps private modules on the proxy, GONOSUMDB from GOPRIVATE', module: priv, goproxy: 'P1', plans: [ok, ok, ok], goprivate: 'corp.test', gonoproxy: 'none', gosumdb: 'KEY' },
    { label: 'GOPRIVATE not matching', module: m0, goproxy: 'P1', plans: [sup, ok, ok], goprivate: 'corp.test', gosumdb: 'KEY' },
    { label: 'GONOSUMDB skips the database', module: m0, goproxy: 'P1', plans: [sup, ok, ok], gonosumdb: 'mod.test', gosumdb: 'KEY' },
    { label: 'glob pattern', module: priv, goproxy: 'P1,direct', plans: [ok, ok, ok], goprivate: '*.test/priv', gosumdb: 'off' },
    { label: 'sumdb via the second proxy', module: m0, goproxy: 'P1,P2', plans: [{ answer: 200, supported: 404 }, sup, ok], gosumdb: 'KEY' },
    { label: 'sumdb: pipe error then 404 is unavailable', module: m0, goproxy: 'P1|P2', plans: [{ answer: 200, supported: 500 }, { answer: 200, supported: 404 }, ok], gosumdb: 'KEY' },
    { label: 'sumdb: pipe error then direct connects directly', module: m0, goproxy: 'P1|direct', plans: [{ answer: 200, supported: 500 }, ok, ok], gosumdb: 'KEY' },
    { label: 'sumdb: comma error is unavailable', module: m0, goproxy: 'P1,P2', plans: [{ answer: 200, supported: 403 }, sup, ok], gosumdb: 'KEY' },
    { label: 'sumdb: nobody supports it, direct', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: 'KEY' },
    { label: 'sumdb: explicit URL bypasses proxies', module: m0, goproxy: 'P1', plans: [sup, ok, ok], gosumdb: 'KEY SURL' },
    { label: 'sumdb: sum.golang.google.cn alias', module: m0, goproxy: 'P1', plans: [sup, ok, ok], gosumdb: 'sum.golang.google.cn' },
    { label: 'sumdb: sum.golang.org by name', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: 'sum.golang.org' },
    { label: 'sumdb: unknown bare name', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: 'sum.test' },
    { label: 'sumdb: empty GOSUMDB', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: '' },
    { label: 'sumdb: unparsable URL', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: 'KEY https://a.example:12ab' },
    { label: 'sumdb: too many fields', module: m0, goproxy: 'P1', plans: [ok, ok, ok], gosumdb: 'KEY SURL extra' },
    { label: 'sumdb: GONOSUMDB from GOPRIVATE while GONOPROXY=none', module: priv, goproxy: 'P1,P2', plans: [nf, sup, ok], goprivate: 'corp.test', gonoproxy: 'none', gosumdb: 'KEY' },
    { label: 'file proxy serves', module: m0, goproxy: 'FOK', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'empty file proxy falls through', module: m0, goproxy: 'FEMPTY,P1', plans: [sup, ok, ok], gosumdb: 'KEY' },
    { label: 'spaces, empty entries, trailing slash', module: m0, goproxy: ' P1/ ,, P2 ', plans: [nf, sup, ok], gosumdb: 'KEY' },
    { label: 'invalid scheme', module: m0, goproxy: 'P1,ftp://example.invalid', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'missing scheme', module: m0, goproxy: 'goproxy,P1', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'file URL with a host', module: m0, goproxy: 'file://host/x', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'no entries', module: m0, goproxy: ',', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'empty GOPROXY', module: m0, goproxy: '', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'external proxy refused by the network, comma', module: m0, goproxy: 'EXT,P1', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'external proxy refused by the network, pipe', module: m0, goproxy: 'EXT|P1', plans: [ok, ok, ok], gosumdb: 'off' },
    { label: 'case-encoded module path', module: MODULES[2], goproxy: 'P1,P2', plans: [nf, sup, ok], gosumdb: 'KEY' },
    { label: 'GOINSECURE direct fetch uses plain http too', module: priv, goproxy: 'direct', plans: [ok, ok, ok], goinsecure: 'corp.test', gosumdb: 'off' },
  ];
}

function randomCases(count: number, seed: number): Case[] {
  const out: Case[] = [];
  const statuses = [200, 200, 404, 410, 500, 403];
  const supportedStatuses = [200, 404, 404, 410, 500];
  for (let i = 0; i < count; i++) {
    const rand = prng(seed + i);
    const gosumdb = pick(rand, ['off', 'KEY', 'KEY', 'KEY SURL', 'sum.golang.org']);
    const probing = gosumdb === 'KEY' || gosumdb === 'sum.golang.org';
    // Entries whose traffic has no path (TLS to a plain port, an external host) are left out where the checksum
    // database would also be probed, so each recorded event can be attributed.
    const pool = probing ? ['P1', 'P2', 'P3', 'R', 'FOK', 'FEMPTY'] : ['P1', 'P2', 'P3', 'R', 'B', 'FOK', 'FEMPTY', 'EXT'];
    const n = 1 + Math.floor(rand() * 3);
    const entries: string[] = [];
    for (let k = 0; k < n; k++) entries.push(pick(rand, pool));
    const tail = pick(rand, ['', '', 'direct', 'off']);
    if (tail) entries.push(tail);
    let goproxy = entries[0];
    for (const e of entries.slice(1)) goproxy += pick(rand, [',', ',', '|']) + e;
    const module = pick(rand, MODULES);
    const goprivate = pick(rand, [undefined, '', 'corp.test', 'corp.test/priv', '*.test', 'mod.test/pub', 'other.example']);
    const c: Case = {
      label: `random seed=${seed + i}`,
      module,
      goproxy,
      plans: [0, 1, 2].map(() => ({ answer: pick(rand, statuses), supported: pick(rand, supportedStatuses) })),
      gosumdb,
    };
    if (goprivate !== undefined) c.goprivate = goprivate;
    const gonoproxy = pick(rand, [undefined, undefined, 'none', 'corp.test', '']);
    if (gonoproxy !== undefined) c.gonoproxy = gonoproxy;
    const gonosumdb = pick(rand, [undefined, undefined, 'corp.test', 'mod.test/pub']);
    if (gonosumdb !== undefined) c.gonosumdb = gonosumdb;
    out.push(c);
  }
  return out;
}

describe('goenv: route() vs the hosts go actually contacts (differential)', function () {
  this.timeout(120_000);
  let top = '';
  const slots: Slot[] = [];

  before(async () => {
    realGo();
    db = new TestSumdb(SUMDB_NAME, MODULES);
    top = tempDir('routediff');
    for (let s = 0; s < 2; s++) slots.push(await makeSlot(s, top));
  });

  after(async () => {
    for (const s of slots) {
      for (const p of [...s.proxies, s.rootSumdb]) await p.stop();
      await s.connect.stop();
    }
    removeTree(top);
  });

  it('HTTPS_PROXY / https_proxy: go sends https traffic through the one resolveEnv reports', async () => {
    const second = await new ConnectRecorder().start();
    const first = slots[0].connect;
    const caseDir = join(slots[0].dir, 'proxyvars');
    try {
      const cases: Array<Record<string, string>> = [
        { HTTPS_PROXY: first.url, https_proxy: second.url },
        { HTTPS_PROXY: '', https_proxy: second.url },
        { https_proxy: second.url },
        { HTTPS_PROXY: first.url, HTTP_PROXY: second.url, http_proxy: second.url },
      ];
      for (const vars of cases) {
        removeTree(caseDir);
        mkdirSync(caseDir, { recursive: true });
        const env = sealedEnv({ HOME: slots[0].home, GOPATH: join(caseDir, 'gopath'), GOMODCACHE: join(caseDir, 'modcache'), GOENV: 'off', GOPROXY: 'direct', GOSUMDB: 'off', GOFLAGS: '-modcacherw', HTTPS_PROXY: undefined, HTTP_PROXY: undefined, ...vars });
        const effective = resolveEnv(await loadEnvSnapshot({ env, cwd: caseDir, platform: 'linux' })).get('HTTPS_PROXY')!;
        first.clear();
        second.clear();
        await runGo(['mod', 'download', '-json', 'mod.test/pub/a@v1.0.0'], { baseEnv: env, cwd: caseDir, timeoutMs: 30_000 });
        const used = first.records.length ? first.url : second.records.length ? second.url : 'none';
        assert.equal(used, effective.value, JSON.stringify(vars));
        assert.equal(first.records.length + second.records.length, 1, JSON.stringify(vars));
      }
    } finally {
      await second.stop();
      removeTree(caseDir);
    }
  });

  it('contacts exactly the predicted hosts, in order, and reports the predicted outcome', async () => {
    const cases = [...handPicked(), ...randomCases(160, 5000)];
    const perSlot = [0, 1].map((s) => ({ s, cases: cases.filter((_, i) => i % 2 === s) }));
    const results = await pool(perSlot, 2, async ({ s, cases: mine }) => {
      const slot = slots[s];
      const failures: string[] = [];
      let checked = 0;
      for (const c of mine) {
        const { GOPROXY, GOSUMDB } = substitute(c, slot);
        const caseDir = join(slot.dir, 'case');
        removeTree(caseDir);
        mkdirSync(join(caseDir, 'work'), { recursive: true });
        const env = sealedEnv({
          HOME: slot.home,
          GOPATH: join(caseDir, 'gopath'),
          GOMODCACHE: join(caseDir, 'modcache'),
          GOFLAGS: '-modcacherw',
          GOENV: 'off',
          GOPROXY,
          GOSUMDB,
          HTTPS_PROXY: slot.connect.url,
          HTTP_PROXY: slot.connect.url,
        });
        if (c.goprivate !== undefined) env.GOPRIVATE = c.goprivate;
        if (c.gonoproxy !== undefined) env.GONOPROXY = c.gonoproxy;
        if (c.gonosumdb !== undefined) env.GONOSUMDB = c.gonosumdb;
        if (c.goinsecure !== undefined) env.GOINSECURE = c.goinsecure;

        const effective = resolveEnv(await loadEnvSnapshot({ env, cwd: join(caseDir, 'work'), platform: 'linux' })).values;
        const r = route(c.module.path, {
          GOPROXY: effective.GOPROXY,
          GONOPROXY: effective.GONOPROXY,
          GONOSUMDB: effective.GONOSUMDB,
          GOSUMDB: effective.GOSUMDB,
          GOINSECURE: effective.GOINSECURE,
          GOFLAGS: effective.GOFLAGS,
        }, 'linux');
        const want = expectFor(c, slot, r);

        currentPlans[s] = c.plans;
        for (const p of [...slot.proxies, slot.rootSumdb]) p.clear();
        slot.connect.clear();
        const res = await runGo(['mod', 'download', '-json', `${c.module.path}@${c.module.version}`], { baseEnv: env, cwd: join(caseDir, 'work'), timeoutMs: 30_000 });
        const records = [...slot.proxies.flatMap((p) => p.records), ...slot.rootSumdb.records, ...slot.connect.records].sort((a, b) => a.seq - b.seq);
        const sumdbHosts = new Set([`${SUMDB_NAME}:443`, 'sum.golang.org:443', 'sum.golang.google.cn:443']);
        const got = observe(records, sumdbHosts);
        let out: { Error?: string } = {};
        try {
          out = JSON.parse(res.stdout) as { Error?: string };
        } catch {
          out = { Error: res.stderr };
        }
        checked++;

        const problems: string[] = [];
        if (JSON.stringify(got.fetch) !== JSON.stringify(want.fetchContacts)) problems.push(`module fetches: go contacted ${JSON.stringify(got.fetch)}, route() predicts ${JSON.stringify(want.fetchContacts)}`);
        if (JSON.stringify(got.sumdbProbes) !== JSON.stringify(want.sumdbProbes)) problems.push(`sumdb probes: go ${JSON.stringify(got.sumdbProbes)}, predicted ${JSON.stringify(want.sumdbProbes)}`);
        const lookupHosts = [...new Set(got.sumdbLookups)];
        const wantLookup = want.sumdbLookupAt ? [want.sumdbLookupAt] : [];
        if (JSON.stringify(lookupHosts) !== JSON.stringify(wantLookup)) problems.push(`sumdb lookups at ${JSON.stringify(lookupHosts)}, predicted ${JSON.stringify(wantLookup)}`);
        if (want.success !== !out.Error) problems.push(`go ${out.Error ? 'failed: ' + out.Error : 'succeeded'}; predicted ${want.success ? 'success' : 'failure'}`);
        if (want.errorIncludes && !(out.Error ?? '').includes(want.errorIncludes)) problems.push(`go's error ${JSON.stringify(out.Error)} does not mention ${JSON.stringify(want.errorIncludes)}`);
        if (problems.length) failures.push(`${c.label} [GOPROXY=${c.goproxy} GOSUMDB=${c.gosumdb} GOPRIVATE=${c.goprivate} GONOPROXY=${c.gonoproxy} GONOSUMDB=${c.gonosumdb} module=${c.module.path} plans=${JSON.stringify(c.plans)}]\n    ${problems.join('\n    ')}`);
      }
      return { checked, failures };
    });
    const checked = results.reduce((n, r) => n + r.checked, 0);
    const failures = results.flatMap((r) => r.failures);
    console.log(`      route differential: ${checked} go mod download runs, ${checked - failures.length} matched route(), ${failures.length} differed`);
    assert.equal(failures.length, 0, failures.slice(0, 10).join('\n'));
  });
});
