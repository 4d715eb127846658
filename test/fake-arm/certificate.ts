import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface ServerCertificate {
  key: string;
  cert: string;
  /** The certificate as a PEM file, for NODE_EXTRA_CA_CERTS in child processes. */
  certPath: string;
}

// Generating a 2048-bit RSA key takes a noticeable fraction of a second; every fake server
// in one test process shares the same certificate.
let cached: Promise<ServerCertificate> | undefined;

/** A self-signed certificate for 127.0.0.1 and localhost that Node accepts as its own CA. */
export function serverCertificate(): Promise<ServerCertificate> {
  cached ??= createCertificate();
  return cached;
}

async function createCertificate(): Promise<ServerCertificate> {
  const hour = 3_600_000;
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    notBeforeDate: new Date(Date.now() - hour),
    notAfterDate: new Date(Date.now() + 48 * hour),
    algorithm: 'sha256',
    extensions: [
      // A self-signed leaf is only usable as a trust anchor (`ca`, NODE_EXTRA_CA_CERTS) when marked as a CA.
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'azscan-fake-arm-'));
  const certPath = join(dir, 'ca.pem');
  writeFileSync(certPath, pems.cert);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { key: pems.private, cert: pems.cert, certPath };
}
