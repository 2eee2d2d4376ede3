// What the register stores encrypted: the sensitive cells of log payloads and of the persons
// projection (SM4 through the crypto provider), the ID number's keyed blind index for equality
// search, and keyed content hashes (a plain hash of an ID number could be reversed by brute force).
import {
  canonicalJson,
  maskIdNumber,
  sensitiveBaselineColumns,
  sensitiveEventFields,
  type PersonState,
} from '@renkou/core';
import type { CryptoProvider } from '../../crypto/crypto-provider';

const SEALED_KEY = 'sealed';

export interface SealedPerson {
  sensitive: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
}

export class RegisterCipher {
  constructor(private readonly crypto: CryptoProvider) {}

  contentHash(value: unknown): string {
    return this.crypto.hmacSm3('content-hash', canonicalJson(value));
  }

  idIndex(idNumber: string): string {
    return this.crypto.hmacSm3('blind-index', idNumber);
  }

  /** Moves the sensitive keys of a payload into one encrypted `sealed` value. */
  sealPayload(payload: object, kind: 'baseline' | 'event'): Record<string, unknown> {
    const keys: readonly string[] = kind === 'baseline' ? sensitiveBaselineColumns : sensitiveEventFields;
    const open: Record<string, unknown> = { ...payload };
    const secret: Record<string, unknown> = {};
    // Empty cells stay as they are (that a value is missing is not secret); values move into `sealed`.
    for (const key of keys) {
      if (open[key] === undefined || open[key] === null || open[key] === '') continue;
      secret[key] = open[key];
      delete open[key];
    }
    if (Object.keys(secret).length > 0) open[SEALED_KEY] = this.crypto.encrypt(JSON.stringify(secret));
    return open;
  }

  /** The payload exactly as it was given. */
  openPayload<T>(stored: unknown): T {
    const { [SEALED_KEY]: sealed, ...open } = stored as Record<string, unknown>;
    if (typeof sealed !== 'string') return open as T;
    return { ...open, ...(JSON.parse(this.crypto.decrypt(sealed)) as Record<string, unknown>) } as T;
  }

  sealPerson(state: PersonState): SealedPerson {
    const secret = {
      idNumber: state.idNumber,
      disabilityGrade: state.disabilityGrade,
      onlyChildCertificate: state.onlyChildCertificate,
    };
    const any =
      secret.idNumber !== null || secret.disabilityGrade !== null || secret.onlyChildCertificate !== null;
    return {
      sensitive: any ? this.crypto.encrypt(JSON.stringify(secret)) : null,
      id_number_index: state.idNumber ? this.idIndex(state.idNumber) : null,
      id_number_masked: state.idNumber ? maskIdNumber(state.idNumber) : null,
    };
  }

  openPerson(
    sensitive: string | null,
  ): Pick<PersonState, 'idNumber' | 'disabilityGrade' | 'onlyChildCertificate'> {
    if (sensitive === null) return { idNumber: null, disabilityGrade: null, onlyChildCertificate: null };
    return JSON.parse(this.crypto.decrypt(sensitive)) as Pick<
      PersonState,
      'idNumber' | 'disabilityGrade' | 'onlyChildCertificate'
    >;
  }
}
