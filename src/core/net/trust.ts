// The certificate authorities the go command trusts, so that "unknown authority" means the same for us as for go.
// Linux and the BSDs: $SSL_CERT_FILE (instead of the system bundle) and $SSL_CERT_DIR, else the first system
// bundle found. Elsewhere go uses the platform verifier; Node's bundled roots are the nearest we have, plus
// SSL_CERT_FILE (which Go 1.27+ honours there too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

const LINUX_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

function readPem(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return text.includes('-----BEGIN CERTIFICATE-----') ? text : undefined;
  } catch {
    return undefined;
  }
}

function pemsInDir(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    try {
      if (!statSync(p).isFile()) continue;
    } catch {
      continue;
    }
    const pem = readPem(p);
    if (pem) out.push(pem);
  }
  return out;
}

/** PEM texts to pass as `ca`, or undefined to use Node's bundled roots. */
export function trustedCas(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string[] | undefined {
  const file = env.SSL_CERT_FILE;
  const dirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':').filter(Boolean) : [];
  const unixLike = platform !== 'win32' && platform !== 'darwin';
  const out: string[] = [];
  if (file) {
    const pem = readPem(file);
    if (pem) out.push(pem);
  } else if (unixLike) {
    for (const f of LINUX_FILES) {
      const pem = readPem(f);
      if (pem) {
        out.push(pem);
        break;
      }
    }
  }
  for (const d of dirs) out.push(...pemsInDir(d));
  if (out.length === 0) {
    // Nothing readable: go would trust nothing with SSL_CERT_FILE set to a bad file; we fall back to the bundle
    // on platforms where go uses its platform verifier, and to an empty store otherwise.
    if (file && unixLike) return [];
    return undefined;
  }
  if (!unixLike) out.push(...rootCertificates);
  return out;
}
