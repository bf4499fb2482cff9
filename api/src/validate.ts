/** zod parsing that turns a failure into `400 validation-failed` with the first offending path (no values echoed). */
import type { z } from 'zod';
import { ApiError } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue && issue.path.length ? issue.path.join('.') : 'input';
  throw new ApiError('validation-failed', `${path}: ${issue?.message ?? 'invalid'}`);
}
