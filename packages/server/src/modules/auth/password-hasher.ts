// argon2id, memory-hard (spec/security.md: m ≥ 19 MiB, t ≥ 2), prebuilt binary from @node-rs/argon2.
import { hash, verify } from '@node-rs/argon2';

export const argon2Parameters = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Parameters);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so an unknown name costs the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('renkou-dummy-password-for-timing');
  return dummyHash;
}
