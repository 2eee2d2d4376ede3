import { describe, expect, it } from 'vitest';
import { SoftwareCryptoProvider } from './crypto-provider';

const provider = () => new SoftwareCryptoProvider(Buffer.alloc(32, 7));

describe('SoftwareCryptoProvider', () => {
  it('opens what it sealed, with a fresh IV for every value across pooled blocks', () => {
    const crypto = provider();
    const sealed = Array.from({ length: 600 }, (_, i) => crypto.encrypt(`65292619950707002${i % 10}`));
    expect(sealed.map((s) => crypto.decrypt(s))).toEqual(
      Array.from({ length: 600 }, (_, i) => `65292619950707002${i % 10}`),
    );
    const ivs = sealed.map((s) => Buffer.from(s.slice(4), 'base64').subarray(0, 16).toString('hex'));
    expect(new Set(ivs).size).toBe(600);
  });

  it('refuses a tampered value and a value sealed under another key', () => {
    const crypto = provider();
    const bytes = Buffer.from(crypto.encrypt('王芳').slice(4), 'base64');
    bytes[20] = (bytes[20] as number) ^ 1;
    expect(() => crypto.decrypt(`sm4:${bytes.toString('base64')}`)).toThrow(/integrity/);
    const other = new SoftwareCryptoProvider(Buffer.alloc(32, 8));
    expect(() => other.decrypt(crypto.encrypt('王芳'))).toThrow(/integrity/);
  });

  it('keys each purpose apart: the same text has different HMACs per purpose', () => {
    const crypto = provider();
    expect(crypto.hmacSm3('blind-index', 'x')).not.toBe(crypto.hmacSm3('content-hash', 'x'));
    expect(crypto.hmacSm3('blind-index', 'x')).toBe(provider().hmacSm3('blind-index', 'x'));
  });
});
