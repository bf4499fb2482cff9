/**
 * What a container would see, for one replica run as a local process: its filesystem (docker-compose volumes, tmpfs,
 * secrets and the image's own files, each a local directory or file), its own address, and its environment.
 *
 * A local process gets local paths, so every string handed to it that names a container path (environment values,
 * command and healthcheck arguments) is rewritten through the mounts: `/run/secrets/ct_owner_password` becomes the
 * replica's secret file, `/app/api/static/catalogs` the `catalogs` volume under `.stack/volumes/`. A path is
 * rewritten only where it starts a word (after a quote, `=`, `:`, `,`, `(`, whitespace, `file://`, or at the start).
 *
 * Inside a container 127.0.0.1 and localhost are the container itself, and 0.0.0.0 means its interfaces; here both
 * are the replica's own address (see network.ts), so healthchecks such as `pg_isready -h 127.0.0.1` and servers
 * told to listen on 0.0.0.0 reach and bind the right replica (`inside` and `localize` below).
 */
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ServiceDef } from '../compose/index.js';

export interface ContainerView {
  service: ServiceDef;
  replica: number;
  /** `api-1` */
  name: string;
  address: string;
  /** container path -> local path, longest first */
  mounts: Array<{ target: string; source: string }>;
  /** a private scratch directory of this replica (tmpfs, secrets, rendered configs) */
  runDir: string;
  /** a container path as a local path */
  hostPath(containerPath: string): string;
  /**
   * Container paths rewritten inside a string, and the wildcard address 0.0.0.0 (all of the container's interfaces)
   * as the replica's address. For environment values and command lines.
   */
  localize(value: string): string;
  /**
   * `localize` plus the container's own loopback (127.0.0.1, localhost) as the replica's address: for what runs
   * inside the container and means itself (healthchecks, a server block's `listen 127.0.0.1:8081`). Not for the
   * environment: locally the host's 127.0.0.1 (the published ports) is a different place.
   */
  inside(value: string): string;
}

const BOUNDARY = String.raw`(?<=^|[\s'"=:,(]|file://)`;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ContainerOptions {
  service: ServiceDef;
  replica: number;
  address: string;
  /** directory holding one folder per named volume */
  volumesDir: string;
  runDir: string;
  /** value of each top-level secret, by name (from its `environment:` variable or its file) */
  secretValue: (name: string) => string;
  /** files of the image itself (container path -> local path), from the program table */
  imageMounts?: Record<string, string>;
  /** service user (uid/gid) owning what the process must write, when we are root */
  owner?: { uid: number; gid: number } | undefined;
}

/** Builds the replica's view and creates the directories and secret files it needs. */
export function containerView(o: ContainerOptions): ContainerView {
  const name = `${o.service.name}-${o.replica}`;
  const mounts: Array<{ target: string; source: string }> = [];
  for (const [target, source] of Object.entries(o.imageMounts ?? {})) mounts.push({ target, source });
  for (const [i, m] of o.service.volumes.entries()) {
    let source: string;
    if (m.type === 'bind' && m.source !== undefined) source = m.source;
    else if (m.type === 'volume' && m.source !== undefined) source = join(o.volumesDir, m.source);
    else source = join(o.runDir, 'anonymous', String(i));
    if (m.type !== 'bind') makeDir(source, o.owner);
    mounts.push({ target: m.target, source });
  }
  for (const target of o.service.tmpfs) {
    const source = join(o.runDir, 'tmpfs', target);
    makeDir(source, o.owner);
    mounts.push({ target, source });
  }
  for (const s of o.service.secrets) {
    const dir = join(o.runDir, 'secrets');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const source = join(dir, basename(s.target));
    writeFileSync(source, o.secretValue(s.source), { mode: 0o600 });
    if (o.owner) {
      chownSync(dir, o.owner.uid, o.owner.gid);
      chownSync(source, o.owner.uid, o.owner.gid);
    }
    mounts.push({ target: s.target, source });
  }
  // The directory Docker puts them in, for consumers that are given the directory (CT_SECRETS_DIR=/run/secrets).
  if (o.service.secrets.length > 0) mounts.push({ target: '/run/secrets', source: join(o.runDir, 'secrets') });
  // Longest target first: /run/secrets/x wins over /run.
  mounts.sort((a, b) => b.target.length - a.target.length);
  const hostPath = (p: string): string => {
    for (const m of mounts)
      if (p === m.target || p.startsWith(`${m.target}/`)) return m.source + p.slice(m.target.length);
    return p;
  };
  const pathRe =
    mounts.length === 0
      ? undefined
      : new RegExp(`${BOUNDARY}(${mounts.map((m) => escapeRe(m.target)).join('|')})(?=$|[/\\s'"),;])`, 'g');
  const wildcardRe = /(?<=^|[^\w.-])0\.0\.0\.0(?=$|[^\w.-])/g;
  const loopRe = /(?<=^|[^\w.-])(127\.0\.0\.1|localhost)(?=$|[^\w.-])/g;
  const localize = (value: string): string =>
    (pathRe === undefined ? value : value.replace(pathRe, (t) => hostPath(t))).replace(wildcardRe, o.address);
  const inside = (value: string): string => localize(value).replace(loopRe, o.address);
  return {
    service: o.service,
    replica: o.replica,
    name,
    address: o.address,
    mounts,
    runDir: o.runDir,
    hostPath,
    localize,
    inside,
  };
}

function makeDir(path: string, owner: { uid: number; gid: number } | undefined): void {
  mkdirSync(path, { recursive: true });
  if (owner) chownSync(path, owner.uid, owner.gid);
}
