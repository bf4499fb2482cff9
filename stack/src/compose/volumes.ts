/**
 * Service `volumes:` (short `src:target[:ro|rw,…]` and long `{ type, source, target, read_only }` syntax), `tmpfs:`
 * and `secrets:` targets. A short source starting with `.` or `/` is a bind mount (relative paths resolve against
 * the compose file's directory, as compose does); anything else names a top-level volume.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Mount } from './model-types.js';
import { asBool, asString, asStringList, at, fail, isObj, type Loc } from './values.js';

export interface MountContext {
  dir: string;
  volumes: ReadonlySet<string>;
}

export function parseMount(entry: unknown, loc: Loc, ctx: MountContext): Mount {
  if (typeof entry === 'string') return parseShortMount(entry, loc, ctx);
  if (!isObj(entry)) return fail(loc, `invalid volume ${JSON.stringify(entry)}`);
  const type = asString(entry['type'], at(loc, 'type')) ?? fail(loc, 'type is required');
  const target = asString(entry['target'], at(loc, 'target')) ?? fail(loc, 'target is required');
  const source = asString(entry['source'], at(loc, 'source'));
  const readOnly = asBool(entry['read_only'], at(loc, 'read_only'));
  if (type === 'bind') {
    if (!source) fail(loc, 'a bind mount needs a source');
    return { type, source: resolve(ctx.dir, source), target, readOnly };
  }
  if (type === 'volume') {
    if (!source) return { type, target, readOnly };
    checkVolume(source, loc, ctx);
    return { type, source, target, readOnly };
  }
  if (type === 'tmpfs') return { type, target, readOnly };
  return fail(at(loc, 'type'), `volume type ${JSON.stringify(type)} is not supported`);
}

function parseShortMount(spec: string, loc: Loc, ctx: MountContext): Mount {
  const parts = spec.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) fail(loc, `invalid volume ${JSON.stringify(spec)}`);
  if (parts.length === 1) return { type: 'volume', target: checkTarget(spec, loc), readOnly: false };
  const [source = '', rawTarget = '', mode = ''] = parts;
  const target = checkTarget(rawTarget, loc);
  const options = mode.split(',');
  const readOnly = options.includes('ro');
  if (source.startsWith('.') || source.startsWith('/'))
    return { type: 'bind', source: resolve(ctx.dir, source), target, readOnly };
  checkVolume(source, loc, ctx);
  return { type: 'volume', source, target, readOnly };
}

function checkTarget(target: string, loc: Loc): string {
  if (!target.startsWith('/')) fail(loc, `mount target ${JSON.stringify(target)} is not an absolute path`);
  return target;
}

function checkVolume(name: string, loc: Loc, ctx: MountContext): void {
  if (!ctx.volumes.has(name)) fail(loc, `named volume ${JSON.stringify(name)} is not declared in top-level volumes`);
}

/** `tmpfs:` (a string or a list): the container paths, without the `:size=…` options. */
export function parseTmpfs(value: unknown, loc: Loc): string[] {
  return asStringList(value, loc).map((s, i) => checkTarget(s.split(':')[0] ?? '', at(loc, i)));
}

/** Merge key of a volumes entry: its container target. */
export function volumeTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    const parts = entry.split(':');
    return parts.length === 1 ? parts[0] : parts[1];
  }
  return isObj(entry) && typeof entry['target'] === 'string' ? entry['target'] : undefined;
}

/** A secret's file in the container: `target` (or the source name) under /run/secrets unless absolute. */
export function secretTarget(entry: unknown): { source: string; target: string } | undefined {
  if (typeof entry === 'string') return { source: entry, target: `/run/secrets/${entry}` };
  if (!isObj(entry) || typeof entry['source'] !== 'string') return undefined;
  const source = entry['source'];
  const target = typeof entry['target'] === 'string' && entry['target'] !== '' ? entry['target'] : source;
  return { source, target: isAbsolute(target) ? target : `/run/secrets/${target}` };
}
