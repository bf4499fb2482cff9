/** argon2id password hashing (@node-rs/argon2, OWASP parameters: 19 MiB, 2 passes, 1 lane). */
import { hash, verify } from '@node-rs/argon2';
import { createGate } from './hash-gate.js';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // algorithm defaults to argon2id

/** Unbounded: for scripts and tests. Request handlers use a {@link PasswordHasher}, which caps the concurrency. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/** Verify; with no stored hash, verify against a dummy so a missing account takes as long as a wrong password. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    dummy ??= hashPassword('dummy password for timing equalisation');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** hash/verify through one bounded gate per API process (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string | undefined, password: string): Promise<boolean>;
}

export function createPasswordHasher(opts: { concurrency: number; queue: number }): PasswordHasher {
  const gate = createGate(opts);
  return {
    hash: (password) => gate.run(() => hashPassword(password)),
    verify: (stored, password) => gate.run(() => verifyPassword(stored, password)),
  };
}
