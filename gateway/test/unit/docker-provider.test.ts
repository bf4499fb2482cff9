/**
 * dockerProviderConfig: the Docker/Swarm provider over the containers the local stack runs. One server per replica,
 * routers and services merged across replicas, conflicts and implicit defaults refused, exposedByDefault honoured.
 */
import { describe, expect, it } from 'vitest';
import { mergeProviders } from '../../src/config.js';
import { dockerProviderConfig, type DockerContainer } from '../../src/docker-provider.js';

const API_LABELS: Record<string, string> = {
  'traefik.enable': 'true',
  'traefik.http.routers.api.entrypoints': 'websecure',
  'traefik.http.routers.api.rule': 'PathPrefix(`/api/`)',
  'traefik.http.routers.api.service': 'api',
  'traefik.http.services.api.loadbalancer.server.port': '4096',
  'traefik.http.services.api.loadbalancer.healthcheck.path': '/api/ping',
  'traefik.http.services.api.loadbalancer.healthcheck.interval': '1s',
};

const container = (
  replica: number,
  labels: Record<string, string> = API_LABELS,
  service = 'api',
  address = `10.0.4.${replica}`,
): DockerContainer => ({ service, replica, address, labels });

const exposed = { exposedByDefault: false };

describe('dockerProviderConfig', () => {
  it('makes one server per replica, merged into one service, with one router', () => {
    const cfg = dockerProviderConfig([container(1), container(2), container(3)], exposed);
    expect(cfg).toEqual({
      http: {
        routers: { api: { entryPoints: ['websecure'], rule: 'PathPrefix(`/api/`)', service: 'api' } },
        services: {
          api: {
            loadBalancer: {
              servers: [
                { url: 'http://10.0.4.1:4096' },
                { url: 'http://10.0.4.2:4096' },
                { url: 'http://10.0.4.3:4096' },
              ],
              healthCheck: { path: '/api/ping', interval: '1s' },
            },
          },
        },
      },
    });
  });

  it('uses the server scheme label', () => {
    const labels = { ...API_LABELS, 'traefik.http.services.api.loadbalancer.server.scheme': 'https' };
    const cfg = dockerProviderConfig([container(1, labels)], exposed);
    expect(cfg.http.services?.['api']).toEqual({
      loadBalancer: { servers: [{ url: 'https://10.0.4.1:4096' }], healthCheck: { path: '/api/ping', interval: '1s' } },
    });
  });

  it('refuses a router that differs between replicas', () => {
    const other = { ...API_LABELS, 'traefik.http.routers.api.rule': 'PathPrefix(`/v2/api/`)' };
    expect(() => dockerProviderConfig([container(1), container(2, other)], exposed)).toThrow(
      'container api-2: router api differs from the one of another container',
    );
  });

  it('refuses a service that differs between replicas', () => {
    const other = { ...API_LABELS, 'traefik.http.services.api.loadbalancer.healthcheck.interval': '5s' };
    expect(() => dockerProviderConfig([container(1), container(2, other)], exposed)).toThrow(
      'container api-2: service api differs from the one of another container',
    );
  });

  it('refuses a container with services but no router (Traefik would invent a Host rule)', () => {
    const labels = {
      'traefik.enable': 'true',
      'traefik.http.services.api.loadbalancer.server.port': '4096',
    };
    expect(() => dockerProviderConfig([container(1, labels)], exposed)).toThrow(
      'container api-1: no router in its labels',
    );
  });

  it('refuses a container with routers but no loadBalancer service, and a service without a port', () => {
    const noService = {
      'traefik.enable': 'true',
      'traefik.http.routers.api.rule': 'PathPrefix(`/api/`)',
    };
    expect(() => dockerProviderConfig([container(1, noService)], exposed)).toThrow(
      'container api-1: no loadBalancer service in its labels',
    );
    const noPort = { ...noService, 'traefik.http.services.api.loadbalancer.passhostheader': 'true' };
    expect(() => dockerProviderConfig([container(1, noPort)], exposed)).toThrow(
      'container api-1: service api needs server.port',
    );
  });

  it('refuses a router without a rule', () => {
    const labels = { ...API_LABELS };
    delete labels['traefik.http.routers.api.rule'];
    expect(() => dockerProviderConfig([container(1, labels)], exposed)).toThrow(
      'container api-1: router api has no rule',
    );
  });

  it('with exposedByDefault false, skips containers without traefik.enable=true', () => {
    const { 'traefik.enable': _enable, ...unlabelledRoutes } = API_LABELS;
    const cfg = dockerProviderConfig(
      [
        container(1),
        container(1, {}, 'redis', '10.0.9.1'),
        container(1, { 'com.docker.compose.project': 'coursetable' }, 'worker', '10.0.5.1'),
        container(1, unlabelledRoutes, 'api-canary', '10.0.6.1'),
        container(1, { ...API_LABELS, 'traefik.enable': 'false' }, 'api-old', '10.0.7.1'),
      ],
      exposed,
    );
    expect(cfg.http.services?.['api']).toMatchObject({ loadBalancer: { servers: [{ url: 'http://10.0.4.1:4096' }] } });
    expect(Object.keys(cfg.http.routers ?? {})).toEqual(['api']);
  });

  it('with exposedByDefault true, includes containers without traefik.enable (but not traefik.enable=false)', () => {
    const { 'traefik.enable': _enable, ...labels } = API_LABELS;
    const cfg = dockerProviderConfig(
      [container(1, labels), container(2, { ...API_LABELS, 'traefik.enable': 'false' })],
      { exposedByDefault: true },
    );
    expect(cfg.http.services?.['api']).toMatchObject({ loadBalancer: { servers: [{ url: 'http://10.0.4.1:4096' }] } });
    // an unlabelled container is refused rather than given Traefik's default router
    expect(() => dockerProviderConfig([container(1, {}, 'redis')], { exposedByDefault: true })).toThrow(
      'container redis-1: no loadBalancer service in its labels',
    );
  });

  it("gives a router without a service label the container's only service", () => {
    const labels = { ...API_LABELS };
    delete labels['traefik.http.routers.api.service'];
    labels['traefik.http.routers.api-graphiql.rule'] = 'Path(`/api/graphiql`)';
    const cfg = dockerProviderConfig([container(1, labels)], exposed);
    expect(cfg.http.routers?.['api']?.service).toBe('api');
    expect(cfg.http.routers?.['api-graphiql']?.service).toBe('api');
    // with two services the router must say which
    const two = { ...labels, 'traefik.http.services.other.loadbalancer.server.port': '9000' };
    expect(() => dockerProviderConfig([container(1, two)], exposed)).toThrow(
      'container api-1: router api needs a service label',
    );
  });

  it('merges services of different compose services, and its names get qualified by the provider', () => {
    const engine = {
      'traefik.enable': 'true',
      'traefik.http.routers.graphql.rule': 'Path(`/v1/graphql`)',
      'traefik.http.routers.graphql.middlewares': 'compress@file',
      'traefik.http.services.engine.loadbalancer.server.port': '8080',
    };
    const file = dockerProviderConfig([container(1), container(1, engine, 'graphql-engine', '10.0.7.1')], exposed);
    const merged = mergeProviders([
      { provider: 'docker', file, origin: 'the docker provider' },
      { provider: 'file', file: { http: { middlewares: { compress: { compress: {} } } } }, origin: 'middlewares.yml' },
    ]);
    expect(Object.keys(merged.routers).sort()).toEqual(['api@docker', 'graphql@docker']);
    expect(merged.routers['graphql@docker']).toMatchObject({
      service: 'engine@docker',
      middlewares: ['compress@file'],
    });
    expect(Object.keys(merged.services).sort()).toEqual(['api@docker', 'engine@docker']);
  });
});
