import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { defineAction } from './action.js';

export const PROFILE_FIELDS = ['first_name', 'last_name', 'year', 'school', 'major', 'bio'] as const;
export const VISIBILITIES = ['self', 'friends', 'public'] as const;

const fieldInput = z.object({
  field: z.enum(PROFILE_FIELDS),
  /** null removes the field. */
  value: z.string().trim().max(500).nullable().optional(),
  visibility: z.enum(VISIBILITIES).nullish(),
});

interface ProfileField {
  field: string;
  value: string;
  visibility: string;
}

/**
 * Updates the display name and profile fields with their visibility (self / friends / public). A field given with
 * only a visibility keeps its value; `value: null` (or empty) removes it.
 */
export const updateProfile = defineAction({
  name: 'updateProfile',
  input: z
    .object({
      display_name: z.string().trim().min(1).max(100).nullish(),
      fields: z.array(fieldInput).max(PROFILE_FIELDS.length).nullish(),
    })
    .refine((i) => new Set(i.fields?.map((f) => f.field)).size === (i.fields?.length ?? 0), 'each field at most once'),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      if (input.display_name != null) {
        await c.query(`update users set display_name = $2 where user_id = $1`, [userId, input.display_name]);
      }
      for (const f of input.fields ?? []) {
        if (f.value === null || f.value === '') {
          await c.query(`delete from profile_fields where user_id = $1 and field = $2`, [userId, f.field]);
        } else if (f.value === undefined) {
          if (f.visibility) {
            await c.query(`update profile_fields set visibility = $3 where user_id = $1 and field = $2`, [
              userId,
              f.field,
              f.visibility,
            ]);
          }
        } else {
          await c.query(
            `insert into profile_fields (user_id, field, value, visibility) values ($1, $2, $3, coalesce($4, 'friends'))
             on conflict (user_id, field) do update set value = excluded.value,
               visibility = coalesce($4, profile_fields.visibility)`,
            [userId, f.field, f.value, f.visibility ?? null],
          );
        }
      }
      const user = await c.query<{ display_name: string }>(`select display_name from users where user_id = $1`, [
        userId,
      ]);
      const fields = await c.query<ProfileField>(
        `select field, value, visibility from profile_fields where user_id = $1 order by field`,
        [userId],
      );
      return { user_id: userId, display_name: user.rows[0]?.display_name ?? '', fields: fields.rows };
    }),
});
