/** Small deterministic PRNG (mulberry32) with the helpers the generators need. */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }
  /** a derived generator, so that one query's choices do not depend on how many draws earlier queries made */
  fork(salt: number): Prng {
    return new Prng((Math.imul(this.s ^ salt, 2654435761) + salt) >>> 0);
  }
}

/** FUZZ_SEED from the environment, or a fresh one; always printed by the caller so a run can be reproduced. */
export function seedFromEnv(name = 'FUZZ_SEED'): number {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${raw}`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 31);
}
