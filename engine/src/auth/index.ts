/** Authentication: request headers → {@link Session}, exactly as Hasura v2 (see authenticate.ts). */
export { createAuthenticator } from './authenticate.js';
export type { Authenticator, AuthResult, AuthModeName } from './authenticate.js';
/** The start-up configuration error (config/config-error.ts), under the name the package has always exported. */
export { ConfigError as AuthConfigError } from '../config/config-error.js';
export { connectionInitHeaders, fromRawHeaders, type HeaderList } from './headers.js';
