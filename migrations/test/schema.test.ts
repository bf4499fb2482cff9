import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase, type TestDb } from '../../stack/src/testing.js';
import { migrateUp } from '../run.js';
import { EXPECTED, UNCOMMENTED, type ExpectedTable } from './expected-course-schema.js';
import { withClient } from './helpers.js';

const TYPE_ALIASES: Record<string, string> = {
  varchar: 'character varying',
  float8: 'double precision',
  timestamp: 'timestamp without time zone',
};

/** Expands the shorthand of expected-course-schema.ts into what pg_catalog reports. */
function expectedColumns(table: string, spec: ExpectedTable): string[] {
  return spec.columns.map((c) => {
    const [name = '', type = '', ...rest] = c.split(' ');
    const notNull = rest.includes('!');
    const dflt = c.includes(' = ') ? c.slice(c.indexOf(' = ') + 3) : null;
    const base = type.replace(/^varchar/, 'varchar').replace(/^(\w+)/, (t) => TYPE_ALIASES[t] ?? t);
    if (type === 'serial') return `${name} integer not null default nextval('${table}_${name}_seq'::regclass)`;
    return `${name} ${base}${notNull ? ' not null' : ''}${dflt ? ` default ${dflt}` : ''}`;
  });
}

interface Actual {
  columns: string[];
  pk: string;
  fks: string[];
  indexes: string[];
  comments: Map<string, string | null>;
}

async function introspect(c: pg.Client, table: string): Promise<Actual> {
  const cols = await c.query<{
    attname: string;
    type: string;
    notnull: boolean;
    dflt: string | null;
    d: string | null;
  }>(
    `select a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
            pg_get_expr(ad.adbin, ad.adrelid) as dflt, col_description(a.attrelid, a.attnum) as d
     from pg_attribute a left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    [table],
  );
  const cons = await c.query<{ conname: string; contype: string; def: string }>(
    `select conname, contype, pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = $1::regclass order by conname`,
    [table],
  );
  const idx = await c.query<{ name: string; def: string; primary: boolean }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def, i.indisprimary as primary
     from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = $1::regclass order by 1`,
    [table],
  );
  const fkText = (name: string, def: string): string => {
    const m = /^FOREIGN KEY \((.+)\) REFERENCES (\w+)\((.+?)\)( ON DELETE CASCADE)?$/.exec(def);
    return m ? `${name}(${m[1]}) -> ${m[2]}(${m[3]})${m[4] ? ' cascade' : ''}` : `${name}: ${def}`;
  };
  const pk = cons.rows.find((r) => r.contype === 'p');
  return {
    columns: cols.rows.map(
      (r) => `${r.attname} ${r.type}${r.notnull ? ' not null' : ''}${r.dflt ? ` default ${r.dflt}` : ''}`,
    ),
    pk: pk ? `${pk.conname}${pk.def.replace('PRIMARY KEY ', '')}` : '',
    fks: cons.rows.filter((r) => r.contype === 'f').map((r) => fkText(r.conname, r.def)),
    indexes: idx.rows
      .filter((r) => !r.primary)
      .map((r) => {
        const m = /^CREATE (UNIQUE )?INDEX \S+ ON public\.\w+ USING btree \((.+?)\)(?: WHERE \((.+)\))?$/.exec(r.def);
        if (!m) return `${r.name}: ${r.def}`;
        return `${m[1] ? 'unique ' : ''}${r.name}(${m[2]})${m[3] ? ` where ${m[3].toLowerCase()}` : ''}`;
      }),
    comments: new Map(cols.rows.map((r) => [r.attname, r.d])),
  };
}

describe('course schema matches course-schema.md', () => {
  let db: TestDb;
  const actual = new Map<string, Actual>();
  beforeAll(async () => {
    db = await emptyDatabase();
    await migrateUp(db.directUrl('ct_owner'));
    await withClient(db.directUrl('ct_owner'), async (c) => {
      for (const table of Object.keys(EXPECTED)) actual.set(table, await introspect(c, table));
    });
  });
  afterAll(() => db.drop());

  it('has 16 tables and 115 columns', () => {
    expect(Object.keys(EXPECTED)).toHaveLength(16);
    expect([...actual.values()].reduce((n, t) => n + t.columns.length, 0)).toBe(115);
  });

  for (const [table, spec] of Object.entries(EXPECTED)) {
    it(`${table}: columns, types, nullability, defaults`, () => {
      expect(actual.get(table)?.columns).toEqual(expectedColumns(table, spec));
    });
    it(`${table}: primary key, foreign keys, indexes`, () => {
      const a = actual.get(table);
      expect(a?.pk).toBe(spec.pk);
      expect([...(a?.fks ?? [])].sort()).toEqual([...(spec.fks ?? [])].sort());
      expect([...(a?.indexes ?? [])].sort()).toEqual([...spec.indexes].sort());
    });
  }

  it('comments every column except the 25 listed in §1.2', () => {
    const uncommented: string[] = [];
    for (const [table, a] of actual) {
      for (const [column, comment] of a.comments) {
        if (comment === null) uncommented.push(`${table}.${column}`);
        else expect(comment.trim().length, `${table}.${column}`).toBeGreaterThan(3);
      }
    }
    expect(uncommented.sort()).toEqual([...UNCOMMENTED].sort());
  });

  it('keeps the documented comment wording', async () => {
    const comments = await withClient(db.directUrl('ct_readonly'), async (c) => {
      const { rows } = await c.query<{ d: string }>(
        `select col_description('course_meetings'::regclass, 2) as d
         union all select col_description('listings'::regclass, 3)`,
      );
      return rows.map((r) => r.d);
    });
    expect(comments[0]).toMatch(/^Days of the week .*1 = Sunday, 2 = Monday.* 2 \+ 8 \+ 32 = 42\.$/);
    expect(comments[1]).toMatch(/^School \(e\.g\. YC, GS, MG\)/);
  });
});
