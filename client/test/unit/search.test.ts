import { describe, expect, it } from 'vitest';
import {
  courseSearchOrderBy,
  courseSearchVariables,
  courseSearchWhere,
  ilikeContains,
  pageOf,
} from '../../src/search.js';

describe('courseSearchWhere', () => {
  it('filters on the season only when nothing else is given', () => {
    expect(courseSearchWhere({ seasonCode: '202501' })).toEqual({ season_code: { _eq: '202501' } });
  });

  it('combines subject, areas/skills (_contains), credits and text (_ilike on title or code)', () => {
    expect(
      courseSearchWhere({
        seasonCode: '202501',
        subject: ' cpsc ',
        areas: ['Hu'],
        skills: ['QR', 'WR'],
        credits: 1,
        text: 'data',
      }),
    ).toEqual({
      _and: [
        { season_code: { _eq: '202501' } },
        { subject: { _eq: 'CPSC' } },
        { course: { areas: { _contains: ['Hu'] } } },
        { course: { skills: { _contains: ['QR', 'WR'] } } },
        { course: { credits: { _eq: 1 } } },
        { _or: [{ course: { title: { _ilike: '%data%' } } }, { course_code: { _ilike: '%data%' } }] },
      ],
    });
  });

  it('never sends null operator values (Hasura v2 rejects them)', () => {
    const where = courseSearchWhere({ seasonCode: 'x', subject: '', areas: [], text: '  ', credits: { min: 0.5 } });
    expect(JSON.stringify(where)).not.toContain('null');
    expect(where).toEqual({ _and: [{ season_code: { _eq: 'x' } }, { course: { credits: { _gte: 0.5 } } }] });
  });
});

describe('ilikeContains', () => {
  it('escapes LIKE wildcards so they match literally', () => {
    expect(ilikeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('ordering and pages', () => {
  it('puts the chosen key first and breaks ties deterministically', () => {
    expect(courseSearchOrderBy('title', 'desc')).toEqual([
      { course: { title: 'desc' } },
      { course_code: 'asc' },
      { section: 'asc' },
      { listing_id: 'asc' },
    ]);
  });

  it('asks for one extra row and splits it off', () => {
    const v = courseSearchVariables({ seasonCode: 's' }, { page: 2, pageSize: 10 });
    expect([v.limit, v.offset]).toEqual([11, 20]);
    expect(pageOf([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasNext: true });
    expect(pageOf([1, 2], 2)).toEqual({ rows: [1, 2], hasNext: false });
  });
});
