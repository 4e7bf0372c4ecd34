import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS, SERVER_SETTINGS, serverOptionsFromSettings } from '../../../src/extension/settings';

const root = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number; scope?: string }> } };
};
const properties = manifest.contributes.configuration.properties;

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('extension: settings → initializationOptions', () => {
  it('maps each setting to its option', () => {
    const opts = serverOptionsFromSettings(
      reader({ mirrors: [' https://goproxy.cn ', '', 7], probeTimeoutMs: 2500, concurrency: 4, backgroundIntervalMinutes: 0, networkProbes: false }),
    );
    assert.deepEqual(opts, { mirrors: ['https://goproxy.cn'], timeoutMs: 2500, concurrency: 4, backgroundIntervalMin: 0, networkProbes: false });
  });

  it('leaves unset or malformed values to the server\'s defaults', () => {
    assert.deepEqual(serverOptionsFromSettings(reader({})), {});
    assert.deepEqual(serverOptionsFromSettings(reader({ mirrors: [], probeTimeoutMs: 'fast', concurrency: NaN, networkProbes: 'yes' })), {});
  });

  it('clamps numbers to the bounds package.json declares, and rounds them', () => {
    const low = serverOptionsFromSettings(reader({ probeTimeoutMs: 1, concurrency: -3, backgroundIntervalMinutes: -1 }));
    const high = serverOptionsFromSettings(reader({ probeTimeoutMs: 1e9, concurrency: 1000, backgroundIntervalMinutes: 1e6 }));
    assert.deepEqual(low, { timeoutMs: 500, concurrency: 1, backgroundIntervalMin: 0 });
    assert.deepEqual(high, { timeoutMs: 120_000, concurrency: 64, backgroundIntervalMin: 1440 });
    assert.equal(serverOptionsFromSettings(reader({ concurrency: 7.6 })).concurrency, 8);
    for (const [name, bounds] of Object.entries(LIMITS)) {
      const p = properties[`gomodDoctor.${name}`];
      assert.ok(p, `gomodDoctor.${name} is not contributed`);
      assert.equal(p.minimum, bounds.min, `${name} minimum`);
      assert.equal(p.maximum, bounds.max, `${name} maximum`);
    }
  });

  it('the defaults in package.json are the server\'s defaults (src/protocol): 5000 ms, 16, 30 min, probes on', () => {
    assert.equal(properties['gomodDoctor.probeTimeoutMs'].default, 5000);
    assert.equal(properties['gomodDoctor.concurrency'].default, 16);
    assert.equal(properties['gomodDoctor.backgroundIntervalMinutes'].default, 30);
    assert.equal(properties['gomodDoctor.networkProbes'].default, true);
  });

  it('every gomodDoctor setting the server reads restarts it on change', () => {
    for (const key of Object.keys(properties)) {
      if (key === 'gomodDoctor.trace.server') continue; // the language client applies it live
      assert.ok((SERVER_SETTINGS as readonly string[]).includes(key), `${key} is not in SERVER_SETTINGS`);
    }
  });
});
