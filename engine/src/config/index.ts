/**
 * The configuration module: the only place that reads the environment. `readEngineConfig` (everything, validated)
 * and `readRuntimeConfig` (the runtime's part) are what the entry points call.
 */
export { databaseUrlSetting, readEngineConfig } from './engine-config.js';
export type { EngineConfig, ServeConfig } from './engine-config.js';
export { readRuntimeConfig } from './runtime-config.js';
export type { ActionsConfig, RuntimeConfig, RuntimeSettings } from './runtime-config.js';
export type { AuthConfig, AuthHookConfig, AuthHookMode } from './auth-config.js';
export type { ApiName, CorsPolicy, ServerConfig } from './server-config.js';
export type { PollerSettings, WebsocketConfig } from './websocket-config.js';
export type { EngineLimits } from './engine-limits.js';
export type { EnvRecord } from './hasura-env.js';
export { ConfigError } from './config-error.js';
export { debugEnabled } from './engine-vars.js';
