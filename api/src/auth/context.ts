/** What the auth routers share: config, clients, limiters and the redirect check. */
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import type { Limiter } from '../middleware/rate-limit.js';
import type { RedirectCheck } from './redirects.js';

export interface AuthContext {
  config: Config;
  deps: Deps;
  limits: { login: Limiter; reset: Limiter };
  checkRedirect: RedirectCheck;
}
