/** Local gateway applying Traefik's static configuration, the file provider and the Docker labels (see gateway.ts). */
export { startGateway, loadProviders, type Gateway, type GatewayOptions } from './gateway.js';
export { loadDynamicConfig, loadDynamicDir, mergeProviders, DynamicFileSchema, type DynamicConfig } from './config.js';
export { loadStaticConfig, type StaticConfig } from './static-config.js';
export { dockerProviderConfig, type DockerContainer } from './docker-provider.js';
export { startServiceAddress, type ServiceAddress } from './service-address.js';
export { parseRule, defaultPriority } from './rules.js';
