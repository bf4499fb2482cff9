/** Local gateway applying the Traefik dynamic files (see gateway.ts). */
export { startGateway, type Gateway, type GatewayOptions } from './gateway.js';
export { loadDynamicConfig, DynamicFileSchema, type DynamicConfig } from './config.js';
export { parseRule, defaultPriority } from './rules.js';
export { MAINTENANCE_RETRY_AFTER_SECONDS, type ServiceMap } from './services.js';
