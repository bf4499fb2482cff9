import { z } from 'zod';
import { pgCode, withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { MAX_SAVED_SEARCHES } from './shared.js';

const MAX_QUERY_BYTES = 8192;

/** Saves a named search (name 1..100 chars, unique per user; query a JSON object of at most 8 KiB). */
export const saveSearch = defineAction({
  name: 'saveSearch',
  input: z.object({
    name: z.string().trim().min(1).max(100),
    query: z
      .record(z.string(), z.unknown())
      .refine((q) => Buffer.byteLength(JSON.stringify(q)) <= MAX_QUERY_BYTES, `at most ${MAX_QUERY_BYTES} bytes`),
  }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      await c.query(`select pg_advisory_xact_lock(hashtext('saved-searches:' || $1::text))`, [userId]);
      const n = await c.query<{ n: number }>(`select count(*)::int as n from saved_searches where user_id = $1`, [
        userId,
      ]);
      if ((n.rows[0]?.n ?? 0) >= MAX_SAVED_SEARCHES) throw new ApiError('saved-search-limit');
      try {
        const r = await c.query<{ saved_search_id: number; name: string; query: unknown }>(
          `insert into saved_searches (user_id, name, query) values ($1, $2, $3::jsonb) returning saved_search_id, name, query`,
          [userId, input.name, JSON.stringify(input.query)],
        );
        return r.rows[0];
      } catch (err) {
        if (pgCode(err) === '23505') throw new ApiError('saved-search-name-taken');
        throw err;
      }
    }),
});
