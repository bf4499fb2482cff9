/**
 * The Swarm stack file derived from docker-compose.yml: Swarm cannot honour a host address on a published port, so
 * the derived file must not publish the admin entrypoint (it would be reachable on every interface); Traefik reads
 * the services' deploy.labels through its swarm provider; secrets are external; the result is a valid compose file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompose, parseDotenv } from '../../src/compose/index.js';
import { deriveSwarmStack } from '../../src/deploy/swarm.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const stack = deriveSwarmStack(join(REPO, 'docker-compose.yml'));
type Svc = { ports?: unknown[]; environment?: Record<string, string>; deploy?: { labels?: Record<string, string> } };
const services = stack.document['services'] as Record<string, Svc>;

describe('the derived Swarm stack file', () => {
  it('does not publish the admin entrypoint, nor any port bound to a host address', () => {
    const published = Object.entries(services).flatMap(([n, s]) => (s.ports ?? []).map((p) => `${n} ${String(p)}`));
    expect(published).toEqual(['traefik 80:80', 'traefik 443:443']);
    expect(stack.droppedPorts).toEqual(['traefik: 127.0.0.1:8443:8443']);
    expect(stack.text.replace(/^#.*$/gm, '')).not.toMatch(/8443/);
  });

  it('routes through the swarm provider with the services deploy.labels', () => {
    expect(services['traefik']?.environment?.['TRAEFIK_PROVIDER']).toBe('swarm');
    expect(services['api']?.deploy?.labels?.['traefik.http.services.api.loadbalancer.healthcheck.path']).toBe(
      '/api/ping',
    );
    expect(services['graphql-engine']?.deploy?.labels?.['traefik.http.routers.graphql.rule']).toBe(
      'Path(`/v1/graphql`)',
    );
  });

  it('takes secrets from docker secret create and keeps ${VAR} for docker stack deploy to interpolate', () => {
    const secrets = stack.document['secrets'] as Record<string, unknown>;
    for (const s of Object.values(secrets)) expect(s).toEqual({ external: true });
    expect(stack.text).toContain('${CT_API_PASSWORD?CT_API_PASSWORD is required}');
    expect(stack.text).not.toMatch(/^\s+build:/m);
  });

  it('is a valid compose file (compose-spec schema) once interpolated', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'swarm-')), 'stack.yml');
    writeFileSync(file, stack.text);
    const env = parseDotenv(readFileSync(join(REPO, '.env.example'), 'utf8'));
    const project = loadCompose({
      file,
      env: { ...env, FRONTEND_URL: 'https://x.example', PUBLIC_URL: 'https://x.example' },
    });
    expect(project.services.map((s) => s.name)).toContain('worker');
  });

  it('has nothing docker stack deploy refuses or cannot expand: no top-level name, no nested default', () => {
    expect(stack.document['name']).toBeUndefined();
    expect(stack.text).not.toMatch(/\$\{\w+:-[^}]*\$\{/);
    expect(stack.text).toContain('${PUBLIC_URL?PUBLIC_URL is required under Swarm}/api');
  });

  it('catches a host-bound port written in the long syntax too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swarm-'));
    const file = join(dir, 'docker-compose.yml');
    writeFileSync(
      file,
      'services:\n  a:\n    image: x:1\n    ports:\n      - { target: 1, published: 1, host_ip: 127.0.0.1 }\n      - 2:2\n',
    );
    const s = deriveSwarmStack(file);
    expect((s.document['services'] as Record<string, Svc>)['a']?.ports).toEqual(['2:2']);
  });
});
