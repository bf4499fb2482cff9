/** What the auth routers share: config, clients, limiters, the password hasher and the redirect check. */
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import type { Limiter } from '../middleware/rate-limit.js';
import type { PasswordHasher } from './passwords.js';
import type { RedirectCheck } from './redirects.js';

export interface AuthContext {
  config: Config;
  deps: Deps;
  limits: { login: Limiter; loginIp: Limiter; loginAccount: Limiter; reset: Limiter };
  /** argon2 behind the PASSWORD_HASH_* gate (one per app) */
  hasher: PasswordHasher;
  checkRedirect: RedirectCheck;
}
