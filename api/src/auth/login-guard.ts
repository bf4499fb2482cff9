/**
 * Failed-password budgets that hold against password spraying (RATE_LIMIT_LOGIN_IP: per client IP, across accounts)
 * and distributed guessing (RATE_LIMIT_LOGIN_ACCOUNT: per account, across IPs). A point is taken from both before the
 * password is checked, so parallel guesses cannot race past the limit, and given back unless the attempt failed on
 * the password: successful logins (many users behind one campus NAT) and busy answers cost nothing.
 *
 * The IP budget is checked first: a client refused for its address spends no account's budget, so spraying from a
 * refused address cannot lock other people's accounts out.
 */
import type { Limiter } from '../middleware/rate-limit.js';

export interface LoginAttempt {
  /** The password was right, or the attempt was not judged (busy, error): give the points back. */
  refund(): Promise<void>;
}

export async function guardLogin(
  limits: { loginIp: Limiter; loginAccount: Limiter },
  ip: string | undefined,
  email: string,
): Promise<LoginAttempt> {
  const ipKey = `ip:${ip ?? 'unknown'}`;
  const accountKey = `account:${email}`;
  await limits.loginIp.consume(ipKey);
  try {
    await limits.loginAccount.consume(accountKey);
  } catch (err) {
    await limits.loginIp.refund(ipKey);
    throw err;
  }
  return {
    async refund() {
      await Promise.all([limits.loginIp.refund(ipKey), limits.loginAccount.refund(accountKey)]);
    },
  };
}
