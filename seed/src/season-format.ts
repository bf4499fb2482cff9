/**
 * The JSON format of one season of course data (seed/season-format.md), its zod schema and the reference checks
 * zod cannot express. The generator produces this shape and the importer consumes it, so both go through the same
 * writer (write.ts).
 */
import { z } from 'zod';

const int = z.number().int();
const nonNegInt = int.nonnegative();
const str = z.string();
const optStr = z.string().nullable().default(null);
const optNum = z.number().nullable().default(null);
const optInt = int.nullable().default(null);
const seasonCode = z.string().regex(/^\d{4}0[123]$/, 'expected a season code YYYYTT with TT 01, 02 or 03');
const timeOfDay = z.string().regex(/^\d{1,2}:\d{2}$/, 'expected a time H:MM');
const sortedCodes = (allowed: readonly string[]) =>
  z
    .array(z.enum(allowed as [string, ...string[]]))
    .refine((a) => a.every((v, i) => i === 0 || a[i - 1]! < v), 'expected a sorted array without duplicates');

export const SKILLS = ['L1', 'L2', 'L3', 'L4', 'L5', 'QR', 'WR'] as const;
export const AREAS = ['Hu', 'Sc', 'So'] as const;
export const EXTRA_INFO = [
  'ACTIVE',
  'MOVED_TO_SPRING_TERM',
  'CANCELLED',
  'MOVED_TO_FALL_TERM',
  'CLOSED',
  'NUMBER_CHANGED',
] as const;

const course = z.strictObject({
  course_id: int.positive(),
  primary_crn: optInt,
  section: str,
  title: str.min(1),
  description: optStr,
  requirements: optStr,
  skills: sortedCodes(SKILLS),
  areas: sortedCodes(AREAS),
  credits: optNum,
  syllabus_url: optStr,
  course_home_url: optStr,
  regnotes: optStr,
  extra_info: z.enum(EXTRA_INFO).nullable().default('ACTIVE'),
  rp_attr: optStr,
  classnotes: optStr,
  final_exam: optStr,
  fysem: z.boolean(),
  sysem: z.boolean(),
  colsem: z.boolean(),
  same_course_id: int,
  same_course_and_profs_id: int,
  average_gut_rating: optNum,
  average_professor_rating: optNum,
  average_rating: optNum,
  average_rating_n: nonNegInt.default(0),
  average_workload: optNum,
  average_workload_n: nonNegInt.default(0),
  average_rating_same_professors: optNum,
  average_rating_same_professors_n: nonNegInt.default(0),
  average_workload_same_professors: optNum,
  average_workload_same_professors_n: nonNegInt.default(0),
  last_offered_course_id: optInt,
  last_enrollment_course_id: optInt,
  last_enrollment: optInt,
  last_enrollment_season_code: seasonCode.nullable().default(null),
  last_enrollment_same_professors: z.boolean().nullable().default(null),
});

const listing = z.strictObject({
  course_id: int,
  crn: int.positive(),
  school: str.min(1),
  subject: z.string().regex(/^[A-Z&]+$/, 'expected an uppercase subject code'),
  number: str.min(1),
  section: str.min(1),
});

export const seasonFileSchema = z.strictObject({
  season_code: seasonCode,
  buildings: z.array(z.strictObject({ code: str.min(1), building_name: optStr, url: optStr })),
  /** `location_id` is local to the file: the database assigns its own and the importer maps them. */
  locations: z.array(z.strictObject({ location_id: int, building_code: str.min(1), room: optStr })),
  professors: z.array(
    z.strictObject({
      professor_id: int.positive(),
      name: str.min(1),
      email: optStr,
      courses_taught: nonNegInt,
      average_rating: optNum,
      average_rating_n: nonNegInt,
    }),
  ),
  flags: z.array(z.strictObject({ flag_id: int.positive(), flag_text: str.min(1) })),
  evaluation_questions: z.array(
    z.strictObject({
      question_code: str.min(1),
      is_narrative: z.boolean(),
      question_text: str.min(1),
      options: z.array(str).nullable().default(null),
      tag: optStr,
    }),
  ),
  courses: z.array(course),
  listings: z.array(listing),
  course_professors: z.array(z.strictObject({ course_id: int, professor_id: int })),
  course_flags: z.array(z.strictObject({ course_id: int, flag_id: int })),
  course_meetings: z.array(
    z.strictObject({
      course_id: int,
      days_of_week: int.min(0).max(127),
      start_time: timeOfDay,
      end_time: timeOfDay,
      location_id: optInt,
    }),
  ),
  evaluation_statistics: z.array(
    z.strictObject({
      course_id: int,
      enrolled: nonNegInt,
      responses: nonNegInt.nullable().default(null),
      extras: z.record(z.string(), z.unknown()).nullable().default(null),
      avg_rating: optNum,
      avg_workload: optNum,
    }),
  ),
  evaluation_ratings: z.array(z.strictObject({ course_id: int, question_code: str, rating: z.array(nonNegInt) })),
  evaluation_narratives: z.array(
    z.strictObject({
      course_id: int,
      question_code: str,
      response_number: nonNegInt,
      comment: str.min(3),
      comment_neg: z.number().min(0).max(1).default(0),
      comment_neu: z.number().min(0).max(1).default(0),
      comment_pos: z.number().min(0).max(1).default(0),
      comment_compound: z.number().min(-1).max(1).default(0),
    }),
  ),
  evaluation_narrative_summaries: z.array(z.strictObject({ course_id: int, question_code: str, summary: str.min(1) })),
});

export type SeasonFile = z.output<typeof seasonFileSchema>;
export type SeasonFileInput = z.input<typeof seasonFileSchema>;
export type Course = SeasonFile['courses'][number];

/** Thrown for any bad input; `issues` are `path: message` lines, e.g. `courses[3].title: expected string`. */
export class SeasonFormatError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid season file:\n  ${issues.slice(0, 20).join('\n  ')}${issues.length > 20 ? '\n  …' : ''}`);
    this.name = 'SeasonFormatError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    '',
  );
}

/** The season-code prefix of every course_id and listing_id of a season (course-schema.md §0). */
export const idBase = (seasonCode: string): number => (Number(seasonCode) - 200000) * 100000;

/** Parses and checks one season; throws SeasonFormatError naming each bad record and field. */
export function validateSeason(input: unknown): SeasonFile {
  const parsed = seasonFileSchema.safeParse(input);
  if (!parsed.success) {
    throw new SeasonFormatError(
      parsed.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message.replace(/^Invalid input: /, '')}`),
    );
  }
  const issues = checkReferences(parsed.data);
  if (issues.length) throw new SeasonFormatError(issues);
  return parsed.data;
}

function checkReferences(s: SeasonFile): string[] {
  const issues: string[] = [];
  const base = idBase(s.season_code);
  const has = <T>(set: Set<T>, v: T, where: string, what: string) => {
    if (!set.has(v)) issues.push(`${where}: unknown ${what} ${String(v)}`);
  };
  const unique = <T>(values: T[], where: (i: number) => string, what: string) => {
    const seen = new Set<T>();
    values.forEach((v, i) => {
      if (seen.has(v)) issues.push(`${where(i)}: duplicate ${what} ${String(v)}`);
      seen.add(v);
    });
    return seen;
  };
  const courses = unique(
    s.courses.map((c) => c.course_id),
    (i) => `courses[${i}].course_id`,
    'course_id',
  );
  const buildings = unique(
    s.buildings.map((b) => b.code),
    (i) => `buildings[${i}].code`,
    'building',
  );
  const locations = unique(
    s.locations.map((l) => l.location_id),
    (i) => `locations[${i}].location_id`,
    'location',
  );
  const professors = unique(
    s.professors.map((p) => p.professor_id),
    (i) => `professors[${i}].professor_id`,
    'id',
  );
  const flags = unique(
    s.flags.map((f) => f.flag_id),
    (i) => `flags[${i}].flag_id`,
    'flag_id',
  );
  const questions = unique(
    s.evaluation_questions.map((q) => q.question_code),
    (i) => `evaluation_questions[${i}].question_code`,
    'question_code',
  );
  unique(
    s.listings.map((l) => l.crn),
    (i) => `listings[${i}].crn`,
    'CRN',
  );
  unique(
    s.evaluation_statistics.map((e) => e.course_id),
    (i) => `evaluation_statistics[${i}].course_id`,
    'course',
  );

  s.courses.forEach((c, i) => {
    if (c.course_id < base || c.course_id >= base + 100000) {
      issues.push(`courses[${i}].course_id: ${c.course_id} is not in season ${s.season_code} (expected ${base}+CRN)`);
    }
  });
  s.locations.forEach((l, i) => has(buildings, l.building_code, `locations[${i}].building_code`, 'building'));
  s.listings.forEach((l, i) => has(courses, l.course_id, `listings[${i}].course_id`, 'course'));
  s.course_professors.forEach((r, i) => {
    has(courses, r.course_id, `course_professors[${i}].course_id`, 'course');
    has(professors, r.professor_id, `course_professors[${i}].professor_id`, 'professor');
  });
  s.course_flags.forEach((r, i) => {
    has(courses, r.course_id, `course_flags[${i}].course_id`, 'course');
    has(flags, r.flag_id, `course_flags[${i}].flag_id`, 'flag');
  });
  s.course_meetings.forEach((m, i) => {
    has(courses, m.course_id, `course_meetings[${i}].course_id`, 'course');
    if (m.location_id !== null) has(locations, m.location_id, `course_meetings[${i}].location_id`, 'location');
  });
  for (const key of ['evaluation_statistics', 'evaluation_ratings', 'evaluation_narratives'] as const) {
    s[key].forEach((r, i) => has(courses, r.course_id, `${key}[${i}].course_id`, 'course'));
  }
  const byCode = new Map(s.evaluation_questions.map((q) => [q.question_code, q]));
  s.evaluation_ratings.forEach((r, i) => {
    has(questions, r.question_code, `evaluation_ratings[${i}].question_code`, 'question');
    const options = byCode.get(r.question_code)?.options;
    if (options && options.length !== r.rating.length) {
      issues.push(`evaluation_ratings[${i}].rating: expected ${options.length} counts, got ${r.rating.length}`);
    }
  });
  s.evaluation_narratives.forEach((r, i) =>
    has(questions, r.question_code, `evaluation_narratives[${i}].question_code`, 'question'),
  );
  s.evaluation_narrative_summaries.forEach((r, i) => {
    has(courses, r.course_id, `evaluation_narrative_summaries[${i}].course_id`, 'course');
    has(questions, r.question_code, `evaluation_narrative_summaries[${i}].question_code`, 'question');
  });
  return issues;
}
