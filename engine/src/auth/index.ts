/** Authentication: request headers → {@link Session}, exactly as Hasura v2 (see authenticate.ts). */
export { createAuthenticator } from './authenticate.js';
export type { Authenticator, AuthResult, AuthModeName } from './authenticate.js';
export { AuthConfigError } from './config.js';
export { connectionInitHeaders, fromRawHeaders, type HeaderList } from './headers.js';
