/**
 * `ports:` entries, short (`'8080'`, `'80:80'`, `'127.0.0.1:8443:8443'`, `'[::1]:53:53/udp'`,
 * `'1000-1002:1000-1002'`) and long (`{ target, published, host_ip, protocol, mode }`) syntax, as a list of single
 * port mappings. Ranges are expanded pair by pair; a host range onto one container port ("any free port of the
 * range", which Docker allows) has no single published port and is refused.
 */
import type { PortDef } from './model-types.js';
import { asString, at, fail, isObj, type Loc } from './values.js';

export function parsePort(entry: unknown, loc: Loc): PortDef[] {
  if (typeof entry === 'number') return [{ target: port(String(entry), loc), protocol: 'tcp', mode: 'ingress' }];
  if (typeof entry === 'string') return parseShort(entry, loc);
  if (!isObj(entry)) return fail(loc, `invalid port ${JSON.stringify(entry)}`);
  const target = port(asString(entry['target'], at(loc, 'target')) ?? fail(loc, 'target is required'), loc);
  const published = asString(entry['published'], at(loc, 'published'));
  const hostIp = asString(entry['host_ip'], at(loc, 'host_ip'));
  const mode = asString(entry['mode'], at(loc, 'mode')) ?? 'ingress';
  if (mode !== 'ingress' && mode !== 'host') fail(at(loc, 'mode'), `unknown mode ${JSON.stringify(mode)}`);
  const def: PortDef = { target, protocol: protocol(asString(entry['protocol'], at(loc, 'protocol')), loc), mode };
  if (hostIp) def.hostIp = hostIp;
  if (published !== undefined && published !== '') {
    const range = portRange(published, at(loc, 'published'), true);
    if (range.length !== 1) fail(loc, `published range ${published} onto one target port is not supported`);
    def.published = range[0] ?? 0;
  }
  return [def];
}

function parseShort(spec: string, loc: Loc): PortDef[] {
  let rest = spec.trim();
  let proto: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) fail(loc, `invalid port ${JSON.stringify(spec)}`);
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (parts.length > 3 || (hostIp !== undefined && parts.length !== 2))
    fail(loc, `invalid port ${JSON.stringify(spec)} (an IPv6 host address needs [brackets])`);
  if (parts.length === 3) hostIp = parts.shift();
  const targetSpec = parts.pop() ?? '';
  const publishedSpec = parts.pop() ?? '';
  const targets = portRange(targetSpec, loc, false);
  const published = publishedSpec === '' ? [] : portRange(publishedSpec, loc, true);
  if (published.length > 0 && published.length !== targets.length)
    fail(loc, `port ${JSON.stringify(spec)}: published and target ranges differ in size (not supported)`);
  const protocolName = protocol(proto, loc);
  return targets.map((target, i) => {
    const def: PortDef = { target, protocol: protocolName, mode: 'ingress' };
    if (hostIp) def.hostIp = hostIp;
    const p = published[i];
    if (p !== undefined) def.published = p;
    return def;
  });
}

function portRange(spec: string, loc: Loc, allowZero: boolean): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m?.[1]) return fail(loc, `invalid port ${JSON.stringify(spec)}`);
  const from = port(m[1], loc, allowZero);
  const to = m[2] === undefined ? from : port(m[2], loc, allowZero);
  if (to < from) fail(loc, `invalid port range ${JSON.stringify(spec)}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function port(s: string, loc: Loc, allowZero = false): number {
  const n = /^\d+$/.test(s.trim()) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n > 65535 || n < (allowZero ? 0 : 1))
    fail(loc, `invalid port number ${JSON.stringify(s)}`);
  return n;
}

function protocol(p: string | undefined, loc: Loc): 'tcp' | 'udp' {
  const v = (p ?? 'tcp').toLowerCase();
  if (v !== 'tcp' && v !== 'udp') fail(loc, `unsupported protocol ${JSON.stringify(p)}`);
  return v;
}

/** Merge key of a ports entry (compose merges ports uniquely on host ip, published, target and protocol). */
export function portKey(entry: unknown): string {
  try {
    return parsePort(entry, { file: '', path: '' })
      .map((p) => `${p.hostIp ?? ''}:${p.published ?? ''}:${p.target}/${p.protocol}`)
      .join(',');
  } catch {
    return JSON.stringify(entry);
  }
}
