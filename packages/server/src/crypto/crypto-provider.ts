// All keyed cryptography goes through one provider, so a hardware or cloud key service can replace
// the software one in production (spec/security.md, 密评). Keys never enter the database.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type KeyPurpose = 'audit-chain' | 'blind-index' | 'field-encryption' | 'field-mac' | 'content-hash';

export interface CryptoProvider {
  /** HMAC-SM3 under the key for a purpose, hex. */
  hmacSm3(purpose: KeyPurpose, data: string): string;
  /** SM4-CBC with a random IV, then HMAC-SM3 over IV and ciphertext: `sm4:` + base64(iv | ciphertext | tag). */
  encrypt(plaintext: string): string;
  /** Throws when the tag does not match (tampered or wrong key). */
  decrypt(sealed: string): string;
}

const SEALED_PREFIX = 'sm4:';
export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(SEALED_PREFIX);

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

  // IVs are cut from a pooled block of random bytes: one system call per 256 values, not per value
  // (an import encrypts a few cells of every row).
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;
  private nextIv(): Buffer {
    if (this.ivOffset + 16 > this.ivPool.length) {
      this.ivPool = randomBytes(16 * 256);
      this.ivOffset = 0;
    }
    this.ivOffset += 16;
    return this.ivPool.subarray(this.ivOffset - 16, this.ivOffset);
  }

  encrypt(plaintext: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('sm4-cbc', this.key('field-encryption').subarray(0, 16), iv);
    const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = createHmac('sm3', this.key('field-mac')).update(body).digest();
    return `${SEALED_PREFIX}${Buffer.concat([body, tag]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!isSealed(sealed)) throw new Error('not an encrypted value');
    const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
    const body = bytes.subarray(0, bytes.length - 32);
    const tag = bytes.subarray(bytes.length - 32);
    const expected = createHmac('sm3', this.key('field-mac')).update(body).digest();
    if (body.length < 32 || !timingSafeEqual(tag, expected))
      throw new Error('encrypted value failed its integrity check');
    const decipher = createDecipheriv(
      'sm4-cbc',
      this.key('field-encryption').subarray(0, 16),
      body.subarray(0, 16),
    );
    return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
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
