import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { trustedCas } from '../../../src/core/net/trust';

describe('net/trust: the CAs the go command trusts', () => {
  const pem = rootCertificates[0];
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gmd-trust-'));
    writeFileSync(join(dir, 'one.pem'), pem);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('uses SSL_CERT_FILE instead of the system bundle on Linux', () => {
    assert.deepEqual(trustedCas({ SSL_CERT_FILE: join(dir, 'one.pem') }, 'linux'), [pem]);
  });

  it('trusts nothing when SSL_CERT_FILE is unreadable on Linux (as go does)', () => {
    assert.deepEqual(trustedCas({ SSL_CERT_FILE: join(dir, 'missing.pem') }, 'linux'), []);
  });

  it('adds SSL_CERT_DIR files', () => {
    assert.deepEqual(trustedCas({ SSL_CERT_FILE: join(dir, 'one.pem'), SSL_CERT_DIR: dir }, 'linux'), [pem, pem]);
  });

  it('adds SSL_CERT_FILE to the bundled roots where go uses the platform verifier', () => {
    const cas = trustedCas({ SSL_CERT_FILE: join(dir, 'one.pem') }, 'darwin');
    assert.equal(cas?.[0], pem);
    assert.equal(cas?.length, 1 + rootCertificates.length);
    assert.equal(trustedCas({}, 'win32'), undefined);
  });
});
