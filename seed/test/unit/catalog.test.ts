import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../src/catalog.js';
import { idBase, validateSeason } from '../../src/season-format.js';
import { DEV_PASSWORD, DEV_PASSWORD_HASH, generateUsers } from '../../src/users.js';

const files = generateCatalog({ seed: 42, scale: 0.05 });
const TIME = /^([1-9]|1\d|2[0-3]):[0-5]\d$/; // 24-hour H:MM, hour not zero-padded (course-schema.md §0)
const COLLEGE_SEMINAR = /^CS(BF|BK|BR|DC|ES|GH|JE|MC|TD|YC)$/;

describe('generated catalog (seed 42, scale 0.05)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCatalog({ seed: 42, scale: 0.05 })).toEqual(files);
    expect(generateCatalog({ seed: 43, scale: 0.05 })[0]!.courses).not.toEqual(files[0]!.courses);
  });

  it('has 4 seasons of 125 courses, each a valid season file', () => {
    expect(files.map((f) => f.season_code)).toEqual(['202503', '202601', '202603', '202701']);
    for (const f of files) {
      expect(f.courses).toHaveLength(125);
      expect(() => validateSeason(JSON.parse(JSON.stringify(f)))).not.toThrow();
    }
  });

  it('follows the id, time and code conventions', () => {
    let crossListed = 0;
    for (const f of files) {
      for (const c of f.courses) {
        const listings = f.listings.filter((l) => l.course_id === c.course_id);
        expect(c.course_id).toBe(idBase(f.season_code) + Math.min(...listings.map((l) => l.crn)));
        expect(new Set(listings.map((l) => l.section))).toEqual(new Set([c.section]));
        if (listings.length > 1) crossListed++;
        expect(c.skills).toEqual([...c.skills].sort());
        expect(c.areas).toEqual([...c.areas].sort());
        expect(c.colsem).toBe(COLLEGE_SEMINAR.test(listings[0]!.subject));
      }
      for (const m of f.course_meetings) {
        expect(m.start_time).toMatch(TIME);
        expect(m.end_time).toMatch(TIME);
        expect(m.days_of_week).toBeGreaterThan(0);
        expect(m.days_of_week).toBeLessThan(128);
      }
    }
    expect(crossListed).toBeGreaterThan(10);
  });

  it('computes evaluation averages as count-weighted option means', () => {
    const past = files.filter((f) => f.evaluation_statistics.length > 0);
    expect(past.map((f) => f.season_code)).toEqual(['202503', '202601']);
    for (const f of past) {
      for (const s of f.evaluation_statistics) {
        const overall = f.evaluation_ratings.find((r) => r.course_id === s.course_id && r.question_code === 'YC402');
        const counts = overall!.rating;
        const n = counts.reduce((a, b) => a + b, 0);
        expect(s.avg_rating).toBeCloseTo(counts.reduce((a, c, i) => a + c * (i + 1), 0) / n, 10);
        expect(s.avg_rating).toBeGreaterThanOrEqual(1);
        expect(s.avg_rating).toBeLessThanOrEqual(5);
      }
    }
    const later = files[3]!.courses.filter((c) => c.last_offered_course_id !== null);
    expect(later.length).toBeGreaterThan(0);
  });
});

describe('generated users', () => {
  const crns = new Map(files.map((f) => [f.season_code, f.listings.map((l) => l.crn)]));
  const users = generateUsers({ seed: 42, scale: 0.05 }, crns);

  it('has symmetric friendships and no self-requests', () => {
    const pairs = new Set(users.friendships.map(([a, b]) => `${String(a)}:${String(b)}`));
    for (const [a, b] of users.friendships) expect(pairs.has(`${String(b)}:${String(a)}`)).toBe(true);
    for (const [a, b] of users.friend_requests) expect(a).not.toBe(b);
  });

  it('uses a dev password hash that verifies', async () => {
    expect(await verify(DEV_PASSWORD_HASH, DEV_PASSWORD)).toBe(true);
    expect(users.password_credentials.every((r) => r[1] === DEV_PASSWORD_HASH)).toBe(true);
  });
});
