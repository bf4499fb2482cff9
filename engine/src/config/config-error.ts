/**
 * A setting the engine cannot start with (a value outside its grammar, a combination Hasura refuses, a JWT secret it
 * cannot use). Raised while the configuration is read, before anything is served; never sent to a client, so it has
 * no code, path or status: `engine serve` prints its message as one line. The message never carries a secret.
 */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
}
