/**
 * A small course browser on the `client` package: pick a season, search, open a course, log in (local password
 * login), add the course to a worksheet (Hasura action), and watch the worksheet update live. No framework: each
 * render function owns one section of index.html.
 */
import './style.css';
import {
  AddWorksheetCourseDocument,
  CourseDetailDocument,
  CreateWorksheetDocument,
  CourseSearchDocument,
  GraphQLRequestError,
  ListingsByCrnDocument,
  MyWorksheetsDocument,
  MyWorksheetsLiveDocument,
  SeasonsDocument,
  createGraphQLClient,
  courseSearchVariables,
  pageOf,
  type CourseDetailQuery,
  type CourseSearchFilter,
  type CourseSearchOrder,
  type CourseSearchQuery,
  type MyWorksheetsQuery,
} from 'client';
import { currentUser, login, logout, signup, type User } from './auth.js';
import { live, type LiveMode } from './live.js';

const gql = createGraphQLClient({ url: '/v1/graphql', credentials: 'same-origin' });
const PAGE_SIZE = 10;
const COLORS = ['#4c8bf5', '#e8710a', '#12b5cb', '#9334e6', '#1e8e3e', '#d93025'];

const state: {
  user: User | null;
  season: string;
  filter: Omit<CourseSearchFilter, 'seasonCode'>;
  order: CourseSearchOrder;
  page: number;
  listing: NonNullable<CourseDetailQuery['listings_by_pk']> | null;
  worksheets: MyWorksheetsQuery['worksheets'];
  titles: Map<number, string>;
  stopLive: (() => void) | null;
  refreshLive: (() => void) | null;
} = {
  user: null,
  season: '',
  filter: {},
  order: 'course_code',
  page: 0,
  listing: null,
  worksheets: [],
  titles: new Map(),
  stopLive: null,
  refreshLive: null,
};

function $<T extends HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** A text field of a submitted form ('' when absent). */
function field(f: FormData, name: string): string {
  const v = f.get(name);
  return typeof v === 'string' ? v : '';
}

const message = (err: unknown) =>
  err instanceof GraphQLRequestError
    ? `${err.message}${err.code ? ` (${err.code})` : ''}`
    : err instanceof Error
      ? err.message
      : 'failed';

// ---- account -------------------------------------------------------------------------------------------------

function renderAccount(): void {
  const u = state.user;
  $('#whoami').textContent = u
    ? `${u.displayName} (${u.hasEvals ? 'with evaluations' : 'no evaluation access'})`
    : 'Not logged in';
  $('#logout').hidden = !u;
  $('#login-panel').hidden = !!u;
  $('#worksheet').hidden = !u;
}

async function afterAuthChange(): Promise<void> {
  renderAccount();
  restartWorksheetLive();
  if (state.listing) await openCourse(state.listing.listing_id);
}

function bindAuthForms(): void {
  const err = $('#auth-error');
  $<HTMLFormElement>('#login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target as HTMLFormElement);
    err.textContent = '';
    login(field(f, 'email'), field(f, 'password'))
      .then(async (u) => {
        state.user = u;
        await afterAuthChange();
      })
      .catch((e: unknown) => (err.textContent = message(e)));
  });
  $<HTMLFormElement>('#signup-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target as HTMLFormElement);
    err.textContent = '';
    signup(field(f, 'displayName'), field(f, 'email'), field(f, 'password'))
      .then(async (u) => {
        state.user = u;
        await afterAuthChange();
      })
      .catch((e: unknown) => (err.textContent = message(e)));
  });
  $('#logout').addEventListener('click', () => {
    logout()
      .then(async () => {
        state.user = null;
        await afterAuthChange();
      })
      .catch((e: unknown) => (err.textContent = message(e)));
  });
}

// ---- seasons and search --------------------------------------------------------------------------------------

async function loadSeasons(): Promise<void> {
  const { seasons } = await gql.request(SeasonsDocument);
  const select = $<HTMLSelectElement>('#season');
  select.replaceChildren(
    ...seasons.map((s) => h('option', { value: s.season_code }, `${s.term} ${s.year} (${s.season_code})`)),
  );
  state.season = seasons[0]?.season_code ?? '';
  select.addEventListener('change', () => {
    state.season = select.value;
    state.page = 0;
    restartWorksheetLive();
    void search();
  });
}

function readFilter(form: HTMLFormElement): void {
  const f = new FormData(form);
  const str = (k: string) => field(f, k).trim();
  const credits = str('credits');
  state.filter = {
    subject: str('subject') || undefined,
    text: str('text') || undefined,
    areas: str('area') ? [str('area')] : undefined,
    skills: str('skill') ? [str('skill')] : undefined,
    credits: credits ? Number(credits) : undefined,
  };
  state.order = (str('order') || 'course_code') as CourseSearchOrder;
  state.page = 0;
}

function professors(l: CourseSearchQuery['listings'][number]): string {
  return l.course.course_professors.map((p) => p.professor.name).join(', ');
}

async function search(): Promise<void> {
  const status = $('#search-status');
  status.textContent = 'Searching…';
  try {
    const vars = courseSearchVariables(
      { seasonCode: state.season, ...state.filter },
      { order: state.order, page: state.page, pageSize: PAGE_SIZE },
    );
    const { listings } = await gql.request(CourseSearchDocument, vars);
    const { rows, hasNext } = pageOf(listings, PAGE_SIZE);
    $('#results tbody').replaceChildren(
      ...rows.map((l) => {
        const tr = h(
          'tr',
          { 'data-listing-id': String(l.listing_id) },
          h('td', {}, `${l.course_code} ${l.section}`),
          h('td', {}, l.course.title),
          h('td', {}, l.course.credits === null ? '' : String(l.course.credits)),
          h('td', {}, professors(l)),
        );
        tr.addEventListener('click', () => void openCourse(l.listing_id));
        return tr;
      }),
    );
    status.textContent = rows.length === 0 ? 'No course matches.' : `${rows.length} course(s) on this page.`;
    $<HTMLButtonElement>('#prev').disabled = state.page === 0;
    $<HTMLButtonElement>('#next').disabled = !hasNext;
    $('#page').textContent = `page ${state.page + 1}`;
  } catch (err) {
    status.textContent = `Search failed: ${message(err)}`;
  }
}

function bindSearch(): void {
  const form = $<HTMLFormElement>('#search-form');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    readFilter(form);
    void search();
  });
  $('#prev').addEventListener('click', () => {
    state.page = Math.max(0, state.page - 1);
    void search();
  });
  $('#next').addEventListener('click', () => {
    state.page += 1;
    void search();
  });
}

// ---- course detail -------------------------------------------------------------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const days = (mask: number) => DAYS.filter((_, i) => (mask & (1 << i)) !== 0).join(' ');

async function openCourse(listingId: number): Promise<void> {
  const panel = $('#detail');
  panel.hidden = false;
  try {
    // Only a user whose role is student_evals asks for evaluation fields; others would get validation-failed.
    const hasEvals = state.user?.hasEvals === true;
    const { listings_by_pk: l } = await gql.request(CourseDetailDocument, { listingId, hasEvals });
    state.listing = l;
    if (!l) {
      panel.replaceChildren(h('p', {}, 'Course not found.'));
      return;
    }
    const c = l.course;
    const parts: Array<Node | string> = [
      h('h2', { 'data-testid': 'course-title' }, `${l.course_code}: ${c.title}`),
      h('p', {}, c.description ?? ''),
      h('p', {}, `Credits: ${c.credits ?? '—'} · Section ${l.section} · CRN ${l.crn}`),
      h(
        'p',
        {},
        'Professors: ',
        ...c.course_professors.map((p) => h('span', { class: 'prof' }, `${p.professor.name} `)),
      ),
      h(
        'ul',
        { 'data-testid': 'meetings' },
        ...c.course_meetings.map((m) =>
          h(
            'li',
            {},
            `${days(m.days_of_week)} ${m.start_time}–${m.end_time}${m.location ? ` · ${m.location.building.code} ${m.location.room ?? ''}` : ''}`,
          ),
        ),
      ),
    ];
    if (c.course_flags.length > 0)
      parts.push(h('p', {}, 'Flags: ', c.course_flags.map((f) => f.flag.flag_text).join(', ')));
    if (hasEvals) {
      const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
      parts.push(
        h(
          'div',
          { class: 'evals', 'data-testid': 'evaluations' },
          h('strong', {}, 'Evaluations: '),
          `average rating ${fmt(c.average_rating)}, workload ${fmt(c.average_workload)}`,
          c.evaluation_statistic ? `, ${c.evaluation_statistic.enrolled ?? '—'} enrolled` : '',
        ),
      );
    }
    if (state.user) {
      const add = h('button', { type: 'button', 'data-testid': 'add-to-worksheet' }, 'Add to my worksheet');
      add.addEventListener('click', () => void addToWorksheet(l.season_code, l.crn, add));
      parts.push(add);
    } else parts.push(h('p', {}, h('em', {}, 'Log in to add this course to a worksheet.')));
    panel.replaceChildren(...parts);
  } catch (err) {
    panel.replaceChildren(h('p', { class: 'error' }, `Could not load the course: ${message(err)}`));
  }
}

// ---- worksheet -----------------------------------------------------------------------------------------------

async function addToWorksheet(seasonCode: string, crn: number, button: HTMLButtonElement): Promise<void> {
  const err = $('#worksheet-error');
  err.textContent = '';
  button.disabled = true;
  try {
    const ws = state.worksheets.find((w) => w.season_code === seasonCode);
    const worksheetId = ws
      ? ws.worksheet_id
      : (await gql.request(CreateWorksheetDocument, { seasonCode, name: 'Main' })).createWorksheet.worksheet_id;
    const color = COLORS[(ws?.worksheet_courses.length ?? 0) % COLORS.length] ?? '#4c8bf5';
    await gql.request(AddWorksheetCourseDocument, { worksheetId, crn, color });
    state.refreshLive?.();
  } catch (e) {
    err.textContent = `Could not add the course: ${message(e)}`;
  } finally {
    button.disabled = false;
  }
}

async function renderWorksheets(data: MyWorksheetsQuery): Promise<void> {
  state.worksheets = data.worksheets;
  const crns = data.worksheets
    .flatMap((w) => w.worksheet_courses.map((c) => c.crn))
    .filter((crn) => !state.titles.has(crn));
  if (crns.length > 0) {
    const { listings } = await gql.request(ListingsByCrnDocument, { seasonCode: state.season, crns });
    for (const l of listings) state.titles.set(l.crn, `${l.course_code} ${l.course.title}`);
  }
  const items = data.worksheets.flatMap((w) =>
    w.worksheet_courses.map((c) =>
      h(
        'li',
        { 'data-crn': String(c.crn) },
        h('span', { class: 'swatch', style: `background:${c.color}` }),
        `${state.titles.get(c.crn) ?? `CRN ${c.crn}`} (${w.name})`,
      ),
    ),
  );
  $('#worksheet-courses').replaceChildren(
    ...(items.length > 0 ? items : [h('li', { class: 'empty' }, 'No course yet.')]),
  );
}

function restartWorksheetLive(): void {
  state.stopLive?.();
  state.stopLive = null;
  state.refreshLive = null;
  const u = state.user;
  if (!u || !state.season) return;
  const variables = { userId: u.id, seasonCode: state.season };
  const handle = live({
    subscription: MyWorksheetsLiveDocument,
    poll: () => gql.request(MyWorksheetsDocument, variables),
    variables,
    onData: (d) => void renderWorksheets(d).catch((e: unknown) => ($('#worksheet-error').textContent = message(e))),
    onError: (e) => ($('#worksheet-error').textContent = message(e)),
    onMode: (m: LiveMode) => ($('#live-mode').textContent = `(live: ${m})`),
  });
  state.stopLive = handle.stop;
  state.refreshLive = handle.refresh;
}

// ---- start ---------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  bindAuthForms();
  bindSearch();
  state.user = await currentUser().catch(() => null);
  renderAccount();
  await loadSeasons();
  restartWorksheetLive();
  await search();
  document.body.dataset['ready'] = 'true';
}

void start();
