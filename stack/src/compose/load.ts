/**
 * Entry point: a docker-compose.yml (+ override fragments) and an environment → the normalized `ComposeProject`
 * the local runner starts services from. Pure apart from reading the file: no process, no network, no .env lookup
 * (the caller decides the environment and its precedence, e.g. `{ ...readDotenv(dir + '/.env'), ...process.env }`).
 *
 * Order, as compose: parse YAML (anchors and `<<` merge keys resolved, duplicate keys refused) → interpolate the
 * whole file (a `${X?…}` anywhere stops the load, even in a service the caller will not start) → interpolate and
 * merge each override in turn → validate the result against the compose-spec schema → normalize.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ComposeError } from './errors.js';
import { interpolateTree, type Env } from './interpolate.js';
import { mergeCompose } from './merge.js';
import { normalizeProject, type ComposeProject } from './model.js';
import { validateCompose } from './validate.js';
import { isObj, type Obj } from './values.js';

export interface LoadComposeOptions {
  /** absolute path of docker-compose.yml (a relative one resolves against the working directory) */
  file: string;
  /** interpolation variables (the caller decides precedence) */
  env: Env;
  /** compose fragments (plain objects, same shape as a file), interpolated and merged in order after the file */
  overrides?: unknown[];
  /** compose-spec schema check of the merged, interpolated document (default true) */
  validate?: boolean;
}

export function loadCompose(opts: LoadComposeOptions): ComposeProject {
  const file = resolve(opts.file);
  const warnings = new Set<string>();
  const warn = (m: string): void => void warnings.add(m);
  let doc = interpolateTree(parseComposeYaml(readText(file), file), opts.env, file, warn) as Obj;
  (opts.overrides ?? []).forEach((fragment, i) => {
    const source = `${file} override[${i}]`;
    if (!isObj(fragment)) throw new ComposeError(`${source}: an override must be a mapping like a compose file`);
    doc = mergeCompose(doc, interpolateTree(fragment, opts.env, source, warn) as Obj);
  });
  if (opts.validate !== false) validateCompose(doc, file);
  const project = normalizeProject(doc, { file, dir: dirname(file), env: opts.env, warn });
  return { ...project, warnings: [...warnings] };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ComposeError(`${file}: cannot read the compose file (${code})`);
  }
}

/** YAML → plain JS; every YAML error (syntax, duplicate key) is a ComposeError with its line. */
export function parseComposeYaml(text: string, file: string): Obj {
  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => `  ${e.message.split('\n')[0] ?? e.code}`).join('\n');
    throw new ComposeError(`${file}: invalid YAML:\n${details}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isObj(value)) throw new ComposeError(`${file}: a compose file must be a mapping at the top level`);
  return value;
}
