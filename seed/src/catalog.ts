/**
 * Deterministic sample catalog following course-schema.md §0: a pool of recurring offerings taught over several
 * seasons (so same_course_id, last_offered_course_id and the historical averages mean something), cross-listings
 * sharing one course_id, bitmask meeting days with unpadded times, sorted skills/areas, and evaluations whose averages
 * are count-weighted means of the rating options.
 */
import { Rng } from './prng.js';
import { idBase, type Course, type SeasonFile } from './season-format.js';
import { QUESTIONS, RATING_QUESTIONS } from './questions.js';
import {
  BUILDINGS,
  COLLEGE_SEMINARS,
  COMMENT_ADJECTIVES,
  COMMENT_OPENERS,
  COMMENT_TAILS,
  FIRST_NAMES,
  FLAGS,
  LANGUAGE_SUBJECTS,
  LAST_NAMES,
  SUBJECTS,
  TITLE_FORMS,
  TITLE_TOPICS,
} from './vocab.js';

export interface CatalogOptions {
  seed: number;
  scale: number;
}

interface Offering {
  id: number;
  subject: string;
  school: string;
  area: string;
  number: string;
  title: string;
  description: string;
  crossList: Array<{ subject: string; number: string }>;
  profs: number[];
  quality: number;
  workload: number;
  size: number;
  language: boolean;
  seminar: boolean;
}

/** [days bitmask, start, end] — hours unpadded like ferry's main parser. */
const PATTERNS: ReadonlyArray<readonly [number, string, string]> = [
  [42, '9:00', '9:50'],
  [42, '10:30', '11:20'],
  [42, '11:35', '12:25'],
  [42, '13:30', '14:20'],
  [20, '9:00', '10:15'],
  [20, '11:35', '12:50'],
  [20, '13:00', '14:15'],
  [20, '14:30', '15:45'],
  [20, '16:00', '17:15'],
  [10, '14:30', '15:45'],
  [2, '13:30', '15:20'],
  [8, '15:30', '17:20'],
  [16, '19:00', '20:50'],
  [4, '9:25', '11:15'],
];
const LANGUAGE_PATTERN = [62, '9:25', '10:15'] as const;

export const seasonCodes = (count: number): string[] => {
  // The newest season is spring 2027 (planning season on 2026-11-24); earlier ones alternate fall/spring.
  const codes: string[] = [];
  let year = 2027;
  let term = 1;
  while (codes.length < count) {
    codes.unshift(`${year}0${term}`);
    if (term === 1) {
      term = 3;
      year -= 1;
    } else term = 1;
  }
  return codes;
};

export const termOf = (code: string): 'spring' | 'summer' | 'fall' =>
  code.endsWith('1') ? 'spring' : code.endsWith('2') ? 'summer' : 'fall';

/** Seasons that have ended by the catalog date get evaluations. */
const hasEvaluations = (code: string): boolean => Number(code) < 202603;

export function generateCatalog(opts: CatalogOptions): SeasonFile[] {
  const rng = new Rng(opts.seed);
  const perSeason = Math.max(10, Math.round(2500 * opts.scale));
  const seasons = seasonCodes(Math.max(4, Math.ceil(4 * opts.scale)));

  const professors = Array.from({ length: Math.max(20, Math.round(perSeason * 0.9)) }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    return {
      professor_id: i + 1,
      name: `${first} ${last}`,
      email: rng.chance(0.85) ? `${first}.${last}.${i + 1}@example.edu`.toLowerCase() : null,
      courses_taught: 0,
      average_rating: null as number | null,
      average_rating_n: 0,
    };
  });
  const flags = FLAGS.map((flag_text, i) => ({ flag_id: i + 1, flag_text }));
  const buildings = BUILDINGS.map(([code, name]) => ({
    code,
    building_name: name,
    url: name ? `https://map.example.edu/buildings/${code.toLowerCase()}` : null,
  }));
  const locations = buildings.flatMap((b, bi) => {
    const rooms = b.building_name ? Array.from({ length: 6 }, (_, r) => `${(r % 3) + 1}0${r + 1}`) : [null];
    return rooms.map((room, ri) => ({ location_id: bi * 10 + ri + 1, building_code: b.code, room }));
  });
  const roomLocations = locations.filter((l) => l.room !== null);

  const offerings = makeOfferings(rng, Math.round(perSeason * 1.25), professors.length);
  const files = seasons.map((code) =>
    makeSeason(rng, code, offerings, perSeason, professors.length, locations, roomLocations),
  );
  deriveHistory(files, professors);
  return files.map((f) => ({
    ...f,
    buildings,
    locations,
    professors,
    flags,
    evaluation_questions: QUESTIONS,
    course_flags: f.courses.flatMap((c) =>
      rng.chance(0.2)
        ? rng.sample(flags, rng.int(1, 2)).map((fl) => ({ course_id: c.course_id, flag_id: fl.flag_id }))
        : [],
    ),
  }));
}

function makeOfferings(rng: Rng, count: number, profCount: number): Offering[] {
  const used = new Set<string>();
  const out: Offering[] = [];
  while (out.length < count) {
    const [subject, school, area] = rng.pick(SUBJECTS);
    const grad = school !== 'YC';
    const number = String(grad ? rng.int(500, 999) : rng.int(1, 499)).padStart(3, '0');
    if (used.has(`${subject} ${number}`)) continue;
    used.add(`${subject} ${number}`);
    const topic = rng.pick(TITLE_TOPICS);
    const language = LANGUAGE_SUBJECTS.has(subject);
    const title = language
      ? `Intermediate ${subject === 'CHNS' ? 'Chinese' : topic}`
      : rng.pick(TITLE_FORMS).replace('%s', topic);
    const crossList = rng.chance(0.15)
      ? rng
          .sample(SUBJECTS, rng.int(1, 2))
          .filter(([s]) => s !== subject)
          .map(([s]) => ({ subject: s, number }))
      : [];
    out.push({
      id: out.length + 1,
      subject,
      school,
      area,
      number,
      title,
      description: `${title} examines ${topic.toLowerCase()} through readings, discussion and projects. ${
        rng.chance(0.5)
          ? 'No prior experience is required.'
          : `Prerequisite: ${subject} ${rng.int(100, 199)} or equivalent.`
      }`,
      crossList,
      profs: Array.from(
        {
          length: rng.weighted([
            [1, 8],
            [2, 2],
            [3, 1],
          ] as const),
        },
        () => rng.int(1, profCount),
      ),
      quality: rng.normal(3.7, 0.5, 1.4, 4.9),
      workload: rng.normal(3.1, 0.6, 1.3, 4.8),
      size: Math.round(
        rng.weighted([
          [12, 5],
          [25, 3],
          [60, 2],
          [150, 1],
        ] as const) * rng.normal(1, 0.3, 0.4, 2),
      ),
      language,
      seminar: rng.chance(0.3),
    });
  }
  return out;
}

function makeSeason(
  rng: Rng,
  code: string,
  offerings: Offering[],
  perSeason: number,
  profCount: number,
  locations: SeasonFile['locations'],
  roomLocations: SeasonFile['locations'],
): SeasonFile {
  const base = idBase(code);
  const usedCrns = new Set<number>();
  const crn = () => {
    let c: number;
    do c = rng.int(10000, 39999);
    while (usedCrns.has(c));
    usedCrns.add(c);
    return c;
  };
  const file: SeasonFile = {
    season_code: code,
    buildings: [],
    locations: [],
    professors: [],
    flags: [],
    evaluation_questions: [],
    courses: [],
    listings: [],
    course_professors: [],
    course_flags: [],
    course_meetings: [],
    evaluation_statistics: [],
    evaluation_ratings: [],
    evaluation_narratives: [],
    evaluation_narrative_summaries: [],
  };
  const chosen = rng.sample(offerings, perSeason);
  for (const o of chosen) {
    const section = rng.chance(0.06) ? String(rng.int(2, 3)) : '1';
    const codes = [{ subject: o.subject, number: o.number }, ...o.crossList];
    const crns = codes.map(() => crn());
    const courseId = base + Math.min(...crns);
    // Now and then someone else teaches it (a different same_course_and_profs_id group).
    const profs = rng.chance(0.15) ? [rng.int(1, profCount)] : [...new Set(o.profs)];
    const course = makeCourse(rng, o, courseId, section, crns, profs);
    file.courses.push(course);
    codes.forEach((c, i) =>
      file.listings.push({ course_id: courseId, crn: crns[i]!, school: o.school, ...c, section }),
    );
    for (const p of profs) file.course_professors.push({ course_id: courseId, professor_id: p });
    if (!rng.chance(0.03)) addMeetings(rng, file, o, courseId, locations, roomLocations);
    if (hasEvaluations(code) && course.extra_info === 'ACTIVE' && rng.chance(0.75))
      addEvaluation(rng, file, o, courseId);
  }
  return file;
}

function makeCourse(rng: Rng, o: Offering, courseId: number, section: string, crns: number[], profs: number[]): Course {
  const yc = o.school === 'YC';
  const skills = o.language
    ? [rng.pick(['L1', 'L2', 'L3', 'L4', 'L5'])]
    : [...(rng.chance(0.15) ? ['QR'] : []), ...(rng.chance(0.2) ? ['WR'] : [])];
  const areas = yc && !o.language ? [o.area, ...(rng.chance(0.15) ? [rng.pick(['Hu', 'So', 'Sc'])] : [])] : [];
  return {
    course_id: courseId,
    primary_crn: rng.chance(0.03) ? null : crns[0]!,
    section,
    title: o.title,
    description: o.description,
    requirements: rng.chance(0.3) ? `Enrollment limited to ${Math.max(10, o.size)}.` : null,
    skills: [...new Set(skills)].sort(),
    areas: [...new Set(areas)].sort(),
    credits: yc ? (rng.chance(0.08) ? 0.5 : 1.0) : 1.0,
    syllabus_url: rng.chance(0.2) ? `https://syllabus.example.edu/${courseId}` : null,
    course_home_url: rng.chance(0.1) ? `https://courses.example.edu/${o.subject.toLowerCase()}${o.number}` : null,
    regnotes: rng.chance(0.1) ? 'Preference selection required.' : null,
    extra_info: rng.weighted([
      ['ACTIVE', 95],
      ['CANCELLED', 2],
      ['CLOSED', 1],
      ['NUMBER_CHANGED', 1],
      ['MOVED_TO_FALL_TERM', 0.5],
      ['MOVED_TO_SPRING_TERM', 0.5],
    ] as const),
    rp_attr: rng.chance(0.05) ? 'Reading period assignment.' : null,
    classnotes: rng.chance(0.1) ? 'Meets in person.' : null,
    final_exam: o.seminar ? 'NO FINAL EXAM' : rng.chance(0.6) ? 'HTBA' : 'NO FINAL EXAM',
    fysem: yc && o.seminar && rng.chance(0.1),
    sysem: yc && o.seminar && rng.chance(0.05),
    colsem: COLLEGE_SEMINARS.has(o.subject),
    same_course_id: o.id,
    same_course_and_profs_id: o.id * 10000 + ((profs[0] ?? 0) % 10000),
    average_gut_rating: null,
    average_professor_rating: null,
    average_rating: null,
    average_rating_n: 0,
    average_workload: null,
    average_workload_n: 0,
    average_rating_same_professors: null,
    average_rating_same_professors_n: 0,
    average_workload_same_professors: null,
    average_workload_same_professors_n: 0,
    last_offered_course_id: null,
    last_enrollment_course_id: null,
    last_enrollment: null,
    last_enrollment_season_code: null,
    last_enrollment_same_professors: null,
  };
}

function addMeetings(
  rng: Rng,
  file: SeasonFile,
  o: Offering,
  courseId: number,
  locations: SeasonFile['locations'],
  roomLocations: SeasonFile['locations'],
): void {
  const [days, start, end] = o.language ? LANGUAGE_PATTERN : rng.pick(PATTERNS);
  const tba = rng.chance(0.05);
  const loc = tba ? null : rng.chance(0.03) ? rng.pick(locations).location_id : rng.pick(roomLocations).location_id;
  file.course_meetings.push({
    course_id: courseId,
    days_of_week: days,
    start_time: start,
    end_time: end,
    location_id: loc,
  });
  if (!o.seminar && o.size > 40 && start !== '13:30' && rng.chance(0.5)) {
    // A weekly section in another room: one more row, since (start, end, location) differs.
    const sec = rng.pick(roomLocations).location_id;
    file.course_meetings.push({
      course_id: courseId,
      days_of_week: 32,
      start_time: '13:30',
      end_time: '14:20',
      location_id: sec,
    });
  }
}

function ratingCounts(rng: Rng, mean: number, responses: number, options: number): number[] {
  const counts = new Array<number>(options).fill(0);
  for (let i = 0; i < responses; i++) {
    const v = Math.round(rng.normal(mean, 0.9, 1, options));
    counts[v - 1]! += 1;
  }
  return counts;
}

const weightedMean = (counts: number[]): number | null => {
  const n = counts.reduce((s, c) => s + c, 0);
  return n ? counts.reduce((s, c, i) => s + c * (i + 1), 0) / n : null;
};

function addEvaluation(rng: Rng, file: SeasonFile, o: Offering, courseId: number): void {
  const enrolled = Math.max(3, Math.round(o.size * rng.normal(1, 0.2, 0.5, 1.5)));
  const responses = Math.max(1, Math.round(enrolled * rng.normal(0.7, 0.1, 0.3, 1)));
  let avgRating: number | null = null;
  let avgWorkload: number | null = null;
  for (const q of RATING_QUESTIONS) {
    if (q.question_code === 'DR359' && o.school === 'YC') continue;
    if (q.question_code !== 'DR359' && o.school !== 'YC' && q.tag !== 'Overall' && q.tag !== 'Workload') continue;
    const mean = q.tag === 'Workload' ? o.workload : q.tag === 'Overall' ? o.quality : rng.normal(3.6, 0.5, 1, 5);
    const rating = ratingCounts(rng, rng.normal(mean, 0.2, 1, 5), responses, q.options!.length);
    file.evaluation_ratings.push({ course_id: courseId, question_code: q.question_code, rating });
    if (q.tag === 'Overall') avgRating = weightedMean(rating);
    if (q.tag === 'Workload') avgWorkload = weightedMean(rating);
  }
  file.evaluation_statistics.push({
    course_id: courseId,
    enrolled,
    responses,
    extras: rng.chance(0.1) ? { title: o.title } : {},
    avg_rating: avgRating,
    avg_workload: avgWorkload,
  });
  for (const q of QUESTIONS.filter((x) => x.is_narrative)) {
    const n = Math.min(responses, rng.int(0, 6));
    for (let r = 0; r < n; r++) {
      const pos = rng.float() * 0.5;
      const neg = rng.float() * (0.5 - pos / 2);
      file.evaluation_narratives.push({
        course_id: courseId,
        question_code: q.question_code,
        response_number: r,
        comment: `${rng.pick(COMMENT_OPENERS)} ${rng.pick(COMMENT_ADJECTIVES)} ${rng.pick(COMMENT_TAILS)}`,
        comment_neg: round(neg),
        comment_neu: round(1 - pos - neg),
        comment_pos: round(pos),
        comment_compound: round(Math.max(-1, Math.min(1, (pos - neg) * 1.8))),
      });
    }
    if (n >= 2) {
      file.evaluation_narrative_summaries.push({
        course_id: courseId,
        question_code: q.question_code,
        summary: `Students describe ${o.title} as ${rng.pick(COMMENT_ADJECTIVES)}; several mention the ${rng.pick(['readings', 'problem sets', 'discussions', 'projects'])}.`,
      });
    }
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

/** Fills the [computed] history columns across seasons, and the professors' aggregates. */
function deriveHistory(files: SeasonFile[], professors: SeasonFile['professors']): void {
  const stats = new Map(files.flatMap((f) => f.evaluation_statistics.map((s) => [s.course_id, s] as const)));
  const profsOf = new Map<number, number[]>();
  for (const f of files)
    for (const r of f.course_professors)
      profsOf.set(r.course_id, [...(profsOf.get(r.course_id) ?? []), r.professor_id]);
  const seasonOf = new Map(files.flatMap((f) => f.courses.map((c) => [c.course_id, f.season_code] as const)));
  const all = files.flatMap((f) => f.courses);
  const byGroup = groupBy(all, (c) => c.same_course_id);
  const byProfGroup = groupBy(all, (c) => c.same_course_and_profs_id);

  const profRatings = new Map<number, number[]>();
  for (const c of all) {
    for (const p of profsOf.get(c.course_id) ?? []) {
      const prof = professors[p - 1];
      if (prof) prof.courses_taught += 1;
      const r = stats.get(c.course_id)?.avg_rating;
      if (r != null) profRatings.set(p, [...(profRatings.get(p) ?? []), r]);
    }
  }
  for (const prof of professors) {
    const rs = profRatings.get(prof.professor_id) ?? [];
    prof.average_rating = rs.length ? round(mean(rs)!) : null;
    prof.average_rating_n = rs.length;
  }

  for (const c of all) {
    const group = byGroup.get(c.same_course_id) ?? [];
    const ratings = group.flatMap((g) =>
      stats.get(g.course_id)?.avg_rating != null ? [stats.get(g.course_id)!.avg_rating!] : [],
    );
    const workloads = group.flatMap((g) =>
      stats.get(g.course_id)?.avg_workload != null ? [stats.get(g.course_id)!.avg_workload!] : [],
    );
    const same = byProfGroup.get(c.same_course_and_profs_id) ?? [];
    const sRatings = same.flatMap((g) =>
      stats.get(g.course_id)?.avg_rating != null ? [stats.get(g.course_id)!.avg_rating!] : [],
    );
    const sWorkloads = same.flatMap((g) =>
      stats.get(g.course_id)?.avg_workload != null ? [stats.get(g.course_id)!.avg_workload!] : [],
    );
    c.average_rating = ratings.length ? round(mean(ratings)!) : null;
    c.average_rating_n = ratings.length;
    c.average_workload = workloads.length ? round(mean(workloads)!) : null;
    c.average_workload_n = workloads.length;
    c.average_gut_rating =
      c.average_rating !== null && c.average_workload !== null ? round(c.average_rating - c.average_workload) : null;
    c.average_rating_same_professors = sRatings.length ? round(mean(sRatings)!) : null;
    c.average_rating_same_professors_n = sRatings.length;
    c.average_workload_same_professors = sWorkloads.length ? round(mean(sWorkloads)!) : null;
    c.average_workload_same_professors_n = sWorkloads.length;
    const profRs = (profsOf.get(c.course_id) ?? []).flatMap((p) =>
      professors[p - 1]?.average_rating != null ? [professors[p - 1]!.average_rating!] : [],
    );
    c.average_professor_rating = profRs.length ? round(mean(profRs)!) : null;

    const code = seasonOf.get(c.course_id)!;
    const earlier = group.filter((g) => seasonOf.get(g.course_id)! < code).sort((a, b) => b.course_id - a.course_id);
    c.last_offered_course_id = earlier[0]?.course_id ?? null;
    const withEnrollment = earlier.find((g) => stats.has(g.course_id));
    if (withEnrollment) {
      c.last_enrollment_course_id = withEnrollment.course_id;
      c.last_enrollment = stats.get(withEnrollment.course_id)!.enrolled;
      c.last_enrollment_season_code = seasonOf.get(withEnrollment.course_id)!;
      c.last_enrollment_same_professors = withEnrollment.same_course_and_profs_id === c.same_course_and_profs_id;
    }
  }
}

/** Map.groupBy is Node 21+. */
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
