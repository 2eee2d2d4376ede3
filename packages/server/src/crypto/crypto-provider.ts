// All keyed cryptography goes through one provider, so a hardware or cloud key service can replace
// the software one in production (spec/security.md, 密评). Keys never enter the database.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type KeyPurpose = 'audit-chain' | 'blind-index' | 'field-encryption';

export interface CryptoProvider {
  /** HMAC-SM3 under the key for a purpose, hex. */
  hmacSm3(purpose: KeyPurpose, data: string): string;
}

/** Keys derived from one master key held in memory: for development, tests and single-node installs. */
export class SoftwareCryptoProvider implements CryptoProvider {
  private readonly keys = new Map<KeyPurpose, Buffer>();

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length < 32) throw new Error('master key must be at least 32 bytes');
  }

  private key(purpose: KeyPurpose): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = createHmac('sm3', this.masterKey).update(`renkou/${purpose}`).digest();
      this.keys.set(purpose, key);
    }
    return key;
  }

  hmacSm3(purpose: KeyPurpose, data: string): string {
    return createHmac('sm3', this.key(purpose)).update(data, 'utf8').digest('hex');
  }
}

/** The master key from configuration (hex), or from a key file created on first use (mode 0600). */
export function loadMasterKey(options: { hexKey?: string; keyFile: string }): Buffer {
  if (options.hexKey) return Buffer.from(options.hexKey, 'hex');
  if (!existsSync(options.keyFile)) {
    mkdirSync(dirname(options.keyFile), { recursive: true });
    writeFileSync(options.keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(options.keyFile, 'utf8').trim(), 'hex');
}
