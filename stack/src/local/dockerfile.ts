/**
 * What the local stack needs from a Dockerfile: the final stage's ENV, WORKDIR, ENTRYPOINT and CMD (exec form, or
 * shell form as `/bin/sh -c …`), i.e. how a container of the image starts. Build steps are not run: the local
 * program provides the files (see programs/node-image.ts).
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

export interface ImageConfig {
  env: Record<string, string>;
  workdir: string;
  entrypoint: string[];
  cmd: string[];
}

function instructions(text: string): Array<{ op: string; arg: string }> {
  const out: Array<{ op: string; arg: string }> = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim().startsWith('#') || line.trim() === '')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    const m = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(current);
    if (m?.[1] !== undefined && m[2] !== undefined) out.push({ op: m[1].toUpperCase(), arg: m[2].trim() });
    current = '';
  }
  return out;
}

/** `KEY=value KEY2="two words"` (and the legacy `KEY value`). */
function parseEnv(arg: string, into: Record<string, string>): void {
  if (!arg.includes('=')) {
    const [k, ...rest] = arg.split(/\s+/);
    if (k !== undefined) into[k] = rest.join(' ');
    return;
  }
  for (const m of arg.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const v = m[2] ?? '';
    into[m[1] ?? ''] = v.startsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
  }
}

function parseCommand(arg: string): string[] {
  if (arg.startsWith('[')) return JSON.parse(arg) as string[];
  return ['/bin/sh', '-c', arg];
}

export function readImageConfig(file: string): ImageConfig {
  const all = instructions(readFileSync(file, 'utf8'));
  const lastFrom = all.map((i) => i.op).lastIndexOf('FROM');
  const cfg: ImageConfig = { env: {}, workdir: '/', entrypoint: [], cmd: [] };
  for (const { op, arg } of all.slice(lastFrom + 1)) {
    if (op === 'ENV') parseEnv(arg, cfg.env);
    else if (op === 'WORKDIR') cfg.workdir = posix.resolve(cfg.workdir, arg);
    else if (op === 'ENTRYPOINT') {
      cfg.entrypoint = parseCommand(arg);
      cfg.cmd = [];
    } else if (op === 'CMD') cfg.cmd = parseCommand(arg);
  }
  return cfg;
}
