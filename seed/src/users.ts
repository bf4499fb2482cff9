/**
 * Sample users: `student<N>@example.edu` / `password` (one argon2id hash, computed once with @node-rs/argon2 and
 * embedded, so seeding never hashes), CAS and OIDC identities, profiles with mixed visibility, worksheets, wishlists,
 * symmetric friendships, pending friend requests and saved searches.
 */
import { Rng } from './prng.js';
import { FIRST_NAMES, LAST_NAMES, PALETTE, SUBJECTS } from './vocab.js';

/** argon2id hash of "password" (m=19456, t=2, p=1), verified by seed/test/unit/users.test.ts. */
export const DEV_PASSWORD = 'password';
export const DEV_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$1d90nlRa5GXhom8KWOzc8w$XNKnsHP8unxIvL+zJbTiyzYYNWYtNiOj5zL1GRk5F+M';
export const CAS_ISSUER = 'https://secure.its.yale.edu/cas';
export const OIDC_ISSUER = 'https://login.example.edu';

export type Row = unknown[];
export interface UserData {
  users: Row[];
  user_identities: Row[];
  password_credentials: Row[];
  profile_fields: Row[];
  worksheets: Row[];
  worksheet_courses: Row[];
  wishlist_items: Row[];
  friendships: Row[];
  friend_requests: Row[];
  saved_searches: Row[];
}

export function generateUsers(opts: { seed: number; scale: number }, crnsBySeason: Map<string, number[]>): UserData {
  const rng = new Rng(opts.seed ^ 0x5eed);
  const n = Math.max(20, Math.round(300 * opts.scale));
  const seasons = [...crnsBySeason.keys()].sort();
  const planning = seasons.slice(-2);
  const d: UserData = {
    users: [],
    user_identities: [],
    password_credentials: [],
    profile_fields: [],
    worksheets: [],
    worksheet_courses: [],
    wishlist_items: [],
    friendships: [],
    friend_requests: [],
    saved_searches: [],
  };
  let identityId = 0;
  let worksheetId = 0;
  let searchId = 0;
  const at = (daysAgo: number) => new Date(Date.UTC(2026, 10, 24) - daysAgo * 86400000).toISOString();

  for (let u = 1; u <= n; u++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const hasEvals = rng.chance(0.1);
    d.users.push([
      u,
      `student${u}@example.edu`,
      `${first} ${last}`,
      hasEvals,
      hasEvals
        ? rng.weighted([
            ['rule', 4],
            ['admin', 1],
          ] as const)
        : null,
      at(rng.int(30, 700)),
      rng.chance(0.8) ? at(rng.int(0, 29)) : null,
    ]);
    d.password_credentials.push([u, DEV_PASSWORD_HASH, at(rng.int(30, 400))]);
    if (rng.chance(0.6)) {
      d.user_identities.push([++identityId, u, 'cas', CAS_ISSUER, `${first[0]}${last[0]}${u}`.toLowerCase(), at(300)]);
    }
    if (rng.chance(0.2)) {
      d.user_identities.push([++identityId, u, 'oidc', OIDC_ISSUER, `sub-${(u * 2654435761) >>> 0}`, at(200)]);
    }
    const profile: Array<[string, string]> = [
      ['first_name', first],
      ['last_name', last],
      ['year', String(rng.int(2027, 2030))],
      ['school', rng.pick(['Yale College', 'Graduate School', 'School of Management'])],
      ['major', rng.pick(SUBJECTS)[0]],
      ['bio', `Hi, I'm ${first}. I like ${rng.pick(['chess', 'hiking', 'jazz', 'robots', 'poetry', 'rowing'])}.`],
    ];
    for (const [field, value] of profile) {
      if (field !== 'first_name' && rng.chance(0.3)) continue;
      d.profile_fields.push([
        u,
        field,
        value,
        rng.weighted([
          ['friends', 5],
          ['public', 3],
          ['self', 2],
        ] as const),
      ]);
    }
    for (const season of planning) {
      const crns = crnsBySeason.get(season) ?? [];
      const count = rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const);
      for (let w = 0; w < count; w++) {
        const id = ++worksheetId;
        const name = w === 0 ? 'Main Worksheet' : rng.pick(['Plan B', 'Backup', 'Dream schedule', 'Light term']);
        d.worksheets.push([id, u, season, w, name, rng.chance(0.2), at(rng.int(1, 60)), at(rng.int(0, 1))]);
        rng.sample(crns, rng.int(2, 7)).forEach((crn, i) => {
          d.worksheet_courses.push([id, crn, PALETTE[i % PALETTE.length], rng.chance(0.1), at(rng.int(0, 30))]);
        });
      }
      for (const crn of rng.sample(crns, rng.int(0, 4))) d.wishlist_items.push([u, season, crn, at(rng.int(0, 60))]);
    }
    const searches = rng.int(0, 3);
    for (let s = 0; s < searches; s++) {
      const subject = rng.pick(SUBJECTS)[0];
      const query = {
        q: rng.pick(['intro', 'seminar', 'data', 'writing', '']),
        subjects: [subject],
        seasons: planning,
      };
      d.saved_searches.push([++searchId, u, `${subject} search ${s + 1}`, JSON.stringify(query), at(rng.int(0, 90))]);
    }
  }

  const friends = new Set<string>();
  for (let u = 1; u <= n; u++) {
    for (let k = rng.int(0, 5); k > 0; k--) {
      const v = rng.int(1, n);
      if (v === u || friends.has(`${u}:${v}`)) continue;
      friends.add(`${u}:${v}`).add(`${v}:${u}`);
      const when = at(rng.int(0, 300));
      d.friendships.push([u, v, when], [v, u, when]);
    }
  }
  const requested = new Set<string>();
  for (let u = 1; u <= n; u++) {
    if (!rng.chance(0.3)) continue;
    const v = rng.int(1, n);
    if (v === u || friends.has(`${u}:${v}`) || requested.has(`${u}:${v}`) || requested.has(`${v}:${u}`)) continue;
    requested.add(`${u}:${v}`);
    d.friend_requests.push([u, v, at(rng.int(0, 20))]);
  }
  return d;
}
