/**
 * One Hasura action = one file exporting `defineAction({ name, input, handler })`. The input is validated with its
 * zod schema; the user id comes only from Hasura's `session_variables` (never from the input).
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Pool } from '../../clients/pg.js';

export interface ActionContext {
  pool: Pool;
  userId: number;
  role: string;
  log: Logger;
}

export interface ActionDef<S extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  input: S;
  handler(ctx: ActionContext, input: z.output<S>): Promise<O>;
}

export function defineAction<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}
