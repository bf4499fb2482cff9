/**
 * Pure docker-compose loader: `.env` parsing, interpolation, override merging, schema validation and a normalized,
 * typed model of the services (see load.ts for the order of the steps).
 */
export { ComposeError, InterpolationError } from './errors.js';
export { parseDotenv, readDotenv } from './dotenv.js';
export { interpolate, type Env, type WarnFn } from './interpolate.js';
export { mergeCompose } from './merge.js';
export { validateCompose } from './validate.js';
export { loadCompose, type LoadComposeOptions } from './load.js';
export { parseDurationMs } from './duration.js';
export { splitShellWords } from './shell-words.js';
export type { ComposeProject, DependsOn, Healthcheck, Mount, PortDef, ServiceDef } from './model.js';
