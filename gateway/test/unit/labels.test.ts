/**
 * parseTraefikLabels: the subset of Traefik's Docker/Swarm labels the gateway implements, option names matched
 * case-insensitively as Traefik's label parser does, element names kept as written, anything else refused by name.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { parseTraefikLabels } from '../../src/labels.js';

const parse = (labels: Record<string, string>) => parseTraefikLabels(labels, 'container api-1');

describe('parseTraefikLabels', () => {
  it('reads every supported router option', () => {
    const out = parse({
      'traefik.http.routers.api.rule': 'Path(`/api`) || PathPrefix(`/api/`)',
      'traefik.http.routers.api.service': 'api-or-maintenance@file',
      'traefik.http.routers.api.entrypoints': 'websecure, admin',
      'traefik.http.routers.api.middlewares': 'security-headers@file, compress@file,,request-limit@file',
      'traefik.http.routers.api.priority': '42',
      'traefik.http.routers.api.tls': 'true',
      'traefik.http.routers.api.tls.certresolver': 'le',
    });
    expect(out).toEqual({
      enable: undefined,
      routers: {
        api: {
          rule: 'Path(`/api`) || PathPrefix(`/api/`)',
          service: 'api-or-maintenance@file',
          entryPoints: ['websecure', 'admin'],
          middlewares: ['security-headers@file', 'compress@file', 'request-limit@file'],
          priority: 42,
          tls: { certResolver: 'le' },
        },
      },
      services: {},
    });
    expect(parse({ 'traefik.http.routers.x.tls': 'false' }).routers['x']).toEqual({});
  });

  it('reads every supported loadBalancer option and the health check', () => {
    const out = parse({
      'traefik.http.services.api.loadbalancer.server.port': '4096',
      'traefik.http.services.api.loadbalancer.server.scheme': 'https',
      'traefik.http.services.api.loadbalancer.passhostheader': 'false',
      'traefik.http.services.api.loadbalancer.serverstransport': 'api-transport@file',
      'traefik.http.services.api.loadbalancer.healthcheck.path': '/api/ping',
      'traefik.http.services.api.loadbalancer.healthcheck.interval': '1s',
      'traefik.http.services.api.loadbalancer.healthcheck.unhealthyinterval': '500ms',
      'traefik.http.services.api.loadbalancer.healthcheck.timeout': '2s',
      'traefik.http.services.api.loadbalancer.healthcheck.status': '204',
      'traefik.http.services.api.loadbalancer.healthcheck.method': 'head',
      'traefik.http.services.api.loadbalancer.healthcheck.headers.X-Probe': 'traefik',
    });
    expect(out.services).toEqual({
      api: {
        port: 4096,
        scheme: 'https',
        passHostHeader: false,
        serversTransport: 'api-transport@file',
        healthCheck: {
          path: '/api/ping',
          interval: '1s',
          unhealthyInterval: '500ms',
          timeout: '2s',
          status: 204,
          method: 'HEAD',
          // header names are case-insensitive; the gateway sends them lower-cased, as Node does anyway
          headers: { 'x-probe': 'traefik' },
        },
      },
    });
    expect(out.routers).toEqual({});
  });

  it('matches option names case-insensitively and keeps the case of element names', () => {
    const out = parse({
      'Traefik.HTTP.Routers.MyRouter.EntryPoints': 'websecure',
      'traefik.http.routers.MyRouter.Rule': 'Path(`/x`)',
      'traefik.http.routers.MyRouter.TLS.CertResolver': 'le',
      'traefik.http.services.MyService.loadBalancer.server.Port': '80',
      'traefik.http.services.MyService.LoadBalancer.passHostHeader': 'TRUE',
      'traefik.http.services.MyService.loadBalancer.healthCheck.unhealthyInterval': '1s',
      'traefik.http.services.MyService.loadBalancer.healthCheck.Path': '/healthz',
      'TRAEFIK.ENABLE': 'True',
    });
    expect(out.enable).toBe(true);
    expect(out.routers).toEqual({
      MyRouter: { entryPoints: ['websecure'], rule: 'Path(`/x`)', tls: { certResolver: 'le' } },
    });
    expect(out.services).toEqual({
      MyService: { port: 80, passHostHeader: true, healthCheck: { unhealthyInterval: '1s', path: '/healthz' } },
    });
  });

  it('reads traefik.enable, ignores other labels and the provider network labels', () => {
    expect(parse({ 'traefik.enable': 'true' }).enable).toBe(true);
    expect(parse({ 'traefik.enable': 'false' }).enable).toBe(false);
    expect(parse({}).enable).toBeUndefined();
    expect(
      parse({
        'com.docker.compose.project': 'coursetable',
        'org.opencontainers.image.version': '1',
        'traefik.docker.network': 'coursetable_edge',
        'traefik.swarm.network': 'coursetable_edge',
      }),
    ).toEqual({ enable: undefined, routers: {}, services: {} });
  });

  it.each([
    ['traefik.http.routers.api.ruleSyntax', 'v2'],
    ['traefik.http.routers.api.tls.options', 'modern@file'],
    ['traefik.http.services.api.loadbalancer.sticky.cookie', 'true'],
    ['traefik.http.services.api.loadbalancer.healthcheck.hostname', 'x'],
    ['traefik.http.services.api.weighted.services', 'a'],
    ['traefik.http.middlewares.strip.stripprefix.prefixes', '/api'],
    ['traefik.tcp.routers.db.rule', 'HostSNI(`*`)'],
    ['traefik.port', '80'],
  ])('refuses the unsupported label %s, naming it and the container', (key, value) => {
    expect(() => parse({ 'traefik.enable': 'true', [key]: value })).toThrow(ConfigError);
    expect(() => parse({ [key]: value })).toThrow(`container api-1: label ${key}`);
  });

  it.each([
    ['traefik.enable', 'yes', /expected true or false/],
    ['traefik.http.routers.api.priority', 'high', /expected an integer/],
    ['traefik.http.routers.api.priority', '-1', /expected an integer/],
    ['traefik.http.routers.api.tls', '1', /expected true or false/],
    ['traefik.http.services.api.loadbalancer.server.port', '80a', /expected an integer/],
    ['traefik.http.services.api.loadbalancer.server.scheme', 'h2c', /scheme must be http or https/],
    ['traefik.http.services.api.loadbalancer.passhostheader', 'on', /expected true or false/],
    ['traefik.http.services.api.loadbalancer.healthcheck.method', 'POST', /method must be GET or HEAD/],
    ['traefik.http.services.api.loadbalancer.healthcheck.status', 'ok', /expected an integer/],
  ])('refuses %s=%s', (key, value, message) => {
    expect(() => parse({ [key]: value })).toThrow(message);
    expect(() => parse({ [key]: value })).toThrow(`container api-1: label ${key}`);
  });

  it('refuses a health check without a path', () => {
    expect(() => parse({ 'traefik.http.services.api.loadbalancer.healthcheck.interval': '1s' })).toThrow(
      'container api-1: service api: a health check needs a path',
    );
  });
});
