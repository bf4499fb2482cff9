/**
 * Errors of the compose loader. Every problem with a compose file, an override fragment or a .env file is a
 * `ComposeError` whose message names the file, the service and the key, so the runner can print it as is.
 */

/** Any problem loading a compose project: bad YAML, schema violation, unknown reference, unsupported form. */
export class ComposeError extends Error {
  override name = 'ComposeError';
}

/**
 * A `${VAR?msg}` / `${VAR:?msg}` whose variable is unset (or empty), or a malformed `${…}` template. The message
 * contains compose's own wording (`required variable VAR is missing a value: msg`), prefixed with where it happened.
 */
export class InterpolationError extends ComposeError {
  override name = 'InterpolationError';
  /** The required variable that is missing (undefined for a malformed template). */
  readonly variable: string | undefined;
  /** Dotted path of the value in the document (`services.api.image`), when known. */
  readonly path: string | undefined;

  constructor(message: string, opts: { variable?: string | undefined; path?: string | undefined } = {}) {
    super(message);
    this.variable = opts.variable;
    this.path = opts.path;
  }
}
