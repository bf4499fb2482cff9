/**
 * Read a Hasura CLI v3 metadata directory into the `export_metadata` JSON (docs: migrations-metadata-seeds/
 * metadata-format.mdx; CLI: cli/internal/metadataobject/*). `"!include file.yaml"` is a plain string resolved
 * relative to the directory of the including file, recursively. actions.yaml is merged with actions.graphql the way
 * the CLI does (cli/internal/metadataobject/actions): arguments, output type and query/mutation come from the SDL.
 */
import { readFile, access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ActionMetadata, CustomTypes, HasuraMetadata, SourceMetadata } from './types.js';
import { mergeActionsSdl } from './merge-actions-sdl.js';

const INCLUDE = /^!include\s+(.+)$/;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Parse a YAML file and resolve its `!include` strings, depth-first, relative to that file. */
export async function readYamlWithIncludes(file: string, depth = 0): Promise<unknown> {
  if (depth > 32) throw new Error(`!include nesting too deep at ${file}`);
  const text = await readFile(file, 'utf8');
  const doc: unknown = parseYaml(text);
  return resolveIncludes(doc, dirname(file), depth);
}

async function resolveIncludes(node: unknown, baseDir: string, depth: number): Promise<unknown> {
  if (typeof node === 'string') {
    const m = INCLUDE.exec(node.trim());
    return m?.[1] ? readYamlWithIncludes(resolve(baseDir, m[1].trim()), depth + 1) : node;
  }
  if (Array.isArray(node)) return Promise.all(node.map((n) => resolveIncludes(n, baseDir, depth)));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = await resolveIncludes(v, baseDir, depth);
    return out;
  }
  return node;
}

async function optionalYaml(dir: string, name: string): Promise<unknown> {
  const file = resolve(dir, name);
  return (await exists(file)) ? readYamlWithIncludes(file) : undefined;
}

function asArray<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** Load `dir` (the `metadata/` folder) into Hasura's export_metadata JSON. */
export async function loadMetadataDir(dir: string): Promise<HasuraMetadata> {
  const version = (await optionalYaml(dir, 'version.yaml')) as { version?: number } | undefined;
  if (version?.version !== undefined && version.version !== 3) {
    throw new Error(`unsupported metadata version ${String(version.version)} (expected 3)`);
  }
  const databases = asArray<SourceMetadata>(await optionalYaml(dir, 'databases/databases.yaml')).map((s) => ({
    ...s,
    tables: asArray<SourceMetadata['tables'][number]>(s.tables),
    ...(s.functions !== undefined
      ? { functions: asArray<NonNullable<SourceMetadata['functions']>[number]>(s.functions) }
      : {}),
    configuration: s.configuration ?? {},
  }));
  const md: HasuraMetadata = { version: 3, sources: databases };

  const actionsYaml = (await optionalYaml(dir, 'actions.yaml')) as
    { actions?: ActionMetadata[]; custom_types?: CustomTypes } | undefined;
  const sdlFile = resolve(dir, 'actions.graphql');
  const sdl = (await exists(sdlFile)) ? await readFile(sdlFile, 'utf8') : '';
  const actions = asArray<ActionMetadata>(actionsYaml?.actions);
  const customTypes: CustomTypes = actionsYaml?.custom_types ?? {};
  const merged = mergeActionsSdl(actions, customTypes, sdl);
  if (merged.actions.length > 0) md.actions = merged.actions;
  if (Object.values(merged.customTypes).some((v) => Array.isArray(v) && v.length > 0))
    md.custom_types = merged.customTypes;

  const inherited = asArray<HasuraMetadata['inherited_roles']>(await optionalYaml(dir, 'inherited_roles.yaml'));
  if (inherited.length > 0) md.inherited_roles = inherited as unknown as NonNullable<HasuraMetadata['inherited_roles']>;
  const collections = asArray(await optionalYaml(dir, 'query_collections.yaml'));
  if (collections.length > 0) md.query_collections = collections as NonNullable<HasuraMetadata['query_collections']>;
  const allow = asArray(await optionalYaml(dir, 'allow_list.yaml'));
  if (allow.length > 0) md.allowlist = allow as NonNullable<HasuraMetadata['allowlist']>;
  // api_limits.yaml is one object (Hasura's ApiLimit), not a list; an empty file means no limits.
  const apiLimits = await optionalYaml(dir, 'api_limits.yaml');
  if (typeof apiLimits === 'object' && apiLimits !== null && Object.keys(apiLimits).length > 0)
    md.api_limits = apiLimits as Record<string, unknown>;
  for (const [file, key] of [
    ['cron_triggers.yaml', 'cron_triggers'],
    ['remote_schemas.yaml', 'remote_schemas'],
    ['rest_endpoints.yaml', 'rest_endpoints'],
  ] as const) {
    const v = asArray(await optionalYaml(dir, file));
    if (v.length > 0) md[key] = v;
  }
  return md;
}
