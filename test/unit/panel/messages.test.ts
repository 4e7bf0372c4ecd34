// The host's checks of what the panel's webview sends: only the protocol's messages pass, and only the fixes and
// module rows of the snapshot the panel shows can be acted on.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixIdsOf, hasModuleAt, isEnvFixId, parseWebviewMessage, PANEL_COMMANDS } from '../../../src/extension/panel/messages';
import { sampleSnapshot } from './snapshots';

describe('panel messages: parseWebviewMessage', () => {
  it('accepts every request of the protocol as sent, dropping extra fields', () => {
    const requests = [
      { kind: 'recheck' },
      { kind: 'copyReport' },
      { kind: 'saveReport' },
      { kind: 'openModule', uri: 'file:///w/go.mod', line: 3 },
      { kind: 'applyFix', fixId: 'env:set:GOPROXY=https://goproxy.cn,direct' },
      ...PANEL_COMMANDS.map((command) => ({ kind: 'command', command })),
    ];
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    for (const request of requests) {
      assert.deepEqual(parseWebviewMessage({ type: 'request', id: 5, request: { ...request, junk: '<x>' }, more: true }), { type: 'request', id: 5, request });
    }
  });

  const refused: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['a request without id', { type: 'request', request: { kind: 'recheck' } }],
    ['a negative id', { type: 'request', id: -1, request: { kind: 'recheck' } }],
    ['a fractional id', { type: 'request', id: 1.5, request: { kind: 'recheck' } }],
    ['a string id', { type: 'request', id: '1', request: { kind: 'recheck' } }],
    ['an unknown request', { type: 'request', id: 1, request: { kind: 'runShell', cmd: 'rm -rf /' } }],
    ['a command outside the list', { type: 'request', id: 1, request: { kind: 'command', command: 'workbench.action.terminal.sendSequence' } }],
    ['a command given as an array', { type: 'request', id: 1, request: { kind: 'command', command: ['gomodDoctor.cleanModuleCache'] } }],
    ['a non-file uri', { type: 'request', id: 1, request: { kind: 'openModule', uri: 'command:workbench.action.quit', line: 0 } }],
    ['an http uri', { type: 'request', id: 1, request: { kind: 'openModule', uri: 'https://example.com/go.mod', line: 0 } }],
    ['a negative line', { type: 'request', id: 1, request: { kind: 'openModule', uri: 'file:///w/go.mod', line: -1 } }],
    ['a line as text', { type: 'request', id: 1, request: { kind: 'openModule', uri: 'file:///w/go.mod', line: '3' } }],
    ['an empty fix id', { type: 'request', id: 1, request: { kind: 'applyFix', fixId: '' } }],
    ['a huge fix id', { type: 'request', id: 1, request: { kind: 'applyFix', fixId: 'env:' + 'x'.repeat(5000) } }],
    ['a fix id as a number', { type: 'request', id: 1, request: { kind: 'applyFix', fixId: 3 } }],
  ];
  for (const [what, raw] of refused) {
    it(`refuses ${what}`, () => assert.equal(parseWebviewMessage(raw), undefined));
  }

  it('never throws, and whatever it accepts is a well-formed message (random input)', () => {
    const kinds = fc.constantFrom('recheck', 'copyReport', 'saveReport', 'openModule', 'applyFix', 'command', 'other');
    const request = fc.record(
      { kind: kinds, uri: fc.oneof(fc.string(), fc.constant('file:///a/go.mod')), line: fc.oneof(fc.integer(), fc.double(), fc.string()), fixId: fc.string(), command: fc.oneof(fc.string(), fc.constantFrom(...PANEL_COMMANDS)) },
      { requiredKeys: ['kind'] },
    );
    const message = fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('ready', 'request', 'x'), id: fc.oneof(fc.integer(), fc.anything()), request: fc.oneof(request, fc.anything()) }));
    let accepted = 0;
    fc.assert(
      fc.property(message, (raw) => {
        const m = parseWebviewMessage(raw);
        if (!m) return;
        accepted++;
        if (m.type === 'ready') return;
        assert.ok(Number.isSafeInteger(m.id) && m.id >= 0);
        const r = m.request;
        if (r.kind === 'openModule') assert.ok(r.uri.startsWith('file:') && Number.isSafeInteger(r.line) && r.line >= 0);
        if (r.kind === 'command') assert.ok((PANEL_COMMANDS as readonly string[]).includes(r.command));
        if (r.kind === 'applyFix') assert.ok(typeof r.fixId === 'string' && r.fixId.length > 0);
      }),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(accepted > 100, `only ${accepted} random messages were well-formed: the generator does not reach the accepting paths`);
  });
});

describe('panel messages: what the snapshot allows', () => {
  it('fixIdsOf collects the env fixes of mirrors and findings, not other fix kinds', () => {
    const s = sampleSnapshot();
    s.env[1].findings[0].fixes = [{ id: 'env@editor:unset:GONOSUMDB', title: 'Remove it' }];
    s.modules[0].finding!.fixes = [{ id: 'cache:clear-version:example.com/healthy@v1.0.0', title: 'Clear' }];
    s.probes![0].finding!.fixes = [{ id: 'env:set:GOSUMDB=off', title: 'Turn off' }];
    assert.deepEqual(
      [...fixIdsOf(s)].sort(),
      ['env:set:GOPROXY=http://127.0.0.1:8,direct', 'env:set:GOPROXY=http://127.0.0.1:9', 'env:set:GOSUMDB=off', 'env@editor:unset:GONOSUMDB'].sort(),
    );
  });

  it('isEnvFixId tells env fixes from the rest', () => {
    for (const id of ['env:set:GOPROXY=x', 'env:unset:GOFLAGS', 'env@editor:set:GOPROXY=x']) assert.ok(isEnvFixId(id), id);
    for (const id of ['go:mod tidy', 'cache:plan', 'environment', 'xenv:set:A=b', 'env@Editor:set:A=b', '']) assert.ok(!isEnvFixId(id), id);
  });

  it('hasModuleAt matches a row by file and line only', () => {
    const s = sampleSnapshot();
    assert.ok(hasModuleAt(s, 'file:///w/app/go.mod', 2));
    assert.ok(!hasModuleAt(s, 'file:///w/app/go.mod', 1));
    assert.ok(!hasModuleAt(s, 'file:///etc/passwd', 2));
  });
});
