/**
 * The file provider: each file is a Go template of which the gateway implements `{{ env "NAME" }}` only, and the
 * merge of providers (duplicates refused, references checked; a reference into the docker/swarm provider may be
 * missing while no container declares it, and the elements depending on it are then left out, as Traefik does).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadDynamicDir, mergeProviders, renderFileTemplate, type DynamicFile } from '../../src/config.js';
import { DYNAMIC_DIR } from '../helpers.js';

describe('renderFileTemplate', () => {
  it('substitutes {{ env "NAME" }} from the environment, with or without spaces; an unset variable is empty', () => {
    const text = 'a: "api@{{ env "TRAEFIK_PROVIDER" }}"\nb: {{env "HOST"}}-{{  env  "UNSET"  }}\n';
    expect(renderFileTemplate(text, { TRAEFIK_PROVIDER: 'swarm', HOST: 'h' }, 'f.yml')).toBe('a: "api@swarm"\nb: h-\n');
    expect(renderFileTemplate('no actions: { a: 1 }', {}, 'f.yml')).toBe('no actions: { a: 1 }');
  });

  it.each([
    '{{ .Values.x }}',
    '{{ env "A" | upper }}',
    '{{ env `A` }}',
    '{{ env "A" "B" }}',
    '{{ if true }}x{{ end }}',
    '{{/* comment */}}',
    '{{ env "1A" }}',
    '{{\nenv "A" | default "x"\n}}',
  ])('refuses any other action: %s', (action) => {
    expect(() => renderFileTemplate(`x: ${action}\n`, { A: 'a' }, 'services.yml')).toThrow(ConfigError);
    expect(() => renderFileTemplate(`x: ${action}\n`, { A: 'a' }, 'services.yml')).toThrow(
      /^services\.yml: unsupported template action/,
    );
  });

  it("renders traefik/dynamic with Traefik's environment", async () => {
    for (const provider of ['docker', 'swarm']) {
      const parts = await loadDynamicDir(DYNAMIC_DIR, { TRAEFIK_PROVIDER: provider });
      const services = parts.find((p) => p.origin === 'services.yml')?.file.http.services;
      expect(services?.['api-or-maintenance']).toEqual({
        failover: { service: `api@${provider}`, fallback: 'maintenance' },
      });
    }
  });
});

describe('loadDynamicDir', () => {
  const dir = (files: Record<string, string>): string => {
    const d = mkdtempSync(join(tmpdir(), 'dynamic-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    return d;
  };

  it('reads *.yml and *.yaml only, sorted, validated', async () => {
    const d = dir({
      'b.yaml': 'http:\n  middlewares:\n    m: { compress: {} }\n',
      'a.yml': 'http:\n  routers:\n    r: { rule: "Path(`/`)", service: "noop@internal" }\n',
      'notes.txt': 'not yaml: [',
    });
    expect((await loadDynamicDir(d)).map((p) => p.origin)).toEqual(['a.yml', 'b.yaml']);
    await expect(loadDynamicDir(dir({ 'x.yml': 'http:\n  routers:\n    r: { rule: "x" }\n' }))).rejects.toThrow(
      /^x\.yml: /,
    );
    await expect(loadDynamicDir(dir({ 'x.txt': '' }))).rejects.toThrow('no *.yml files');
  });
});

describe('mergeProviders', () => {
  const file = (http: DynamicFile['http']): DynamicFile => ({ http });
  const maintenance = {
    loadBalancer: { servers: [{ url: 'http://under-maintenance:8080' }] },
  };
  const fileProvider = file({
    routers: {
      api: { rule: 'PathPrefix(`/api/`)', service: 'api-or-maintenance', middlewares: ['headers'] },
      'api-maintenance': { rule: 'PathPrefix(`/api/`)', service: 'maintenance', priority: 1 },
    },
    services: {
      'api-or-maintenance': { failover: { service: 'api@docker', fallback: 'maintenance' } },
      // a failover of a failover: left out with its child
      outer: { failover: { service: 'api-or-maintenance', fallback: 'maintenance' } },
      maintenance,
    },
    middlewares: { headers: { headers: { frameDeny: true } } },
  });
  const docker = (services: DynamicFile['http']['services'] = {}) => ({
    provider: 'docker',
    file: file({ services }),
    origin: 'the docker provider',
  });

  it('qualifies names and references', () => {
    const cfg = mergeProviders([
      { provider: 'file', file: fileProvider, origin: 'routers.yml' },
      docker({ api: { loadBalancer: { servers: [{ url: 'http://10.0.4.1:4096' }] } } }),
    ]);
    expect(cfg.routers['api@file']).toMatchObject({
      service: 'api-or-maintenance@file',
      middlewares: ['headers@file'],
    });
    expect(cfg.services['api-or-maintenance@file']).toEqual({
      failover: { service: 'api@docker', fallback: 'maintenance@file' },
    });
    expect(cfg.dropped).toEqual([]);
  });

  it('leaves out what depends on a docker element no container declares, and keeps the rest', () => {
    const cfg = mergeProviders([{ provider: 'file', file: fileProvider, origin: 'routers.yml' }, docker()]);
    expect(Object.keys(cfg.routers)).toEqual(['api-maintenance@file']);
    expect(Object.keys(cfg.services).sort()).toEqual(['maintenance@file']);
    expect(cfg.dropped).toEqual([
      'service api-or-maintenance@file left out: its service api@docker does not exist (no container declares it)',
      'service outer@file left out: its service api-or-maintenance@file was left out',
      'router api@file left out: its service api-or-maintenance@file was left out',
    ]);
  });

  it('refuses a missing reference into the file provider or into a provider that is not configured', () => {
    const typo = file({ routers: { r: { rule: 'Path(`/`)', service: 'maintenanse' } }, services: { maintenance } });
    expect(() => mergeProviders([{ provider: 'file', file: typo, origin: 'a.yml' }, docker()])).toThrow(
      'router r@file: unknown service maintenanse@file',
    );
    const badMw = file({
      routers: { r: { rule: 'Path(`/`)', service: 'maintenance', middlewares: ['nope'] } },
      services: { maintenance },
    });
    expect(() => mergeProviders([{ provider: 'file', file: badMw, origin: 'a.yml' }])).toThrow(
      'router r@file: unknown middleware nope@file',
    );
    // `api@swarm` while the docker provider is the configured one: a mismatch, not a missing container
    const swarm = file({
      services: { s: { failover: { service: 'api@swarm', fallback: 'maintenance' } }, maintenance },
    });
    expect(() => mergeProviders([{ provider: 'file', file: swarm, origin: 'a.yml' }, docker()])).toThrow(
      'service s@file: unknown service api@swarm',
    );
    // without any container provider, a docker reference is a plain error too
    expect(() => mergeProviders([{ provider: 'file', file: fileProvider, origin: 'a.yml' }])).toThrow(
      'unknown service api@docker',
    );
    const transport = file({
      services: { s: { loadBalancer: { servers: [{ url: 'http://x:1' }], serversTransport: 't' } } },
    });
    expect(() => mergeProviders([{ provider: 'file', file: transport, origin: 'a.yml' }])).toThrow(
      'service s@file: unknown serversTransport t@file',
    );
  });

  it('refuses a name defined twice in one provider', () => {
    const a = file({ services: { maintenance } });
    expect(() =>
      mergeProviders([
        { provider: 'file', file: a, origin: 'a.yml' },
        { provider: 'file', file: a, origin: 'b.yml' },
      ]),
    ).toThrow('services.maintenance@file is defined in both a.yml and b.yml');
    // the same name in two providers is two elements
    const both = mergeProviders([
      { provider: 'file', file: a, origin: 'a.yml' },
      { provider: 'docker', file: a, origin: 'the docker provider' },
    ]);
    expect(Object.keys(both.services).sort()).toEqual(['maintenance@docker', 'maintenance@file']);
  });
});
