/**
 * Account pre-hijacking: an attacker signs up with the victim's address (password sign-up proves nothing about the
 * mailbox) and waits for the victim's first CAS/OIDC login. The external identity must not be linked to an account
 * whose address was never verified; a verified account (link from the mail, sent by the worker) links as before.
 */
import { pino } from 'pino';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/clients/mailer.js';
import { startWorkers, type Workers } from '../../src/jobs/worker.js';
import { callAction, sampleListings } from '../helpers/actions.js';
import { agent, body, cookieHeader, signup, type TestApp } from '../helpers/app.js';
import type { TestCasServer } from '../helpers/cas-server.js';
import { startLoginPeers, type LoginPeers } from '../helpers/login-peers.js';
import type { TestIdp } from '../helpers/oidc-idp.js';
import { browseIdp } from '../helpers/oidc-idp.js';
import { mailText, TestMailbox } from '../helpers/smtp.js';

let box: TestMailbox;
let idp: TestIdp;
let cas: TestCasServer;
let t: TestApp;
let peers: LoginPeers;
let workers: Workers;
let season = '';

beforeAll(async () => {
  box = await TestMailbox.start();
  peers = await startLoginPeers({
    SMTP_URL: box.url,
    MAIL_FROM: 'CourseTable <no-reply@coursetable.test>',
    EVALS_RULES: 'email-domain:yale.edu',
  });
  ({ cas, idp, t } = peers);
  workers = startWorkers(
    t.config,
    createMailer({ smtpUrl: box.url, from: t.config.mail.from, logger: pino({ level: 'silent' }) }),
    pino({ level: 'silent' }),
  );
  season = (await sampleListings(t)).season;
});
afterAll(async () => {
  await workers.close();
  await peers.close();
  await box.close();
});

let n = 0;
const victimAddress = () => `victim${++n}-${Date.now().toString(36)}@yale.edu`;

/** The browser dance through the IdP; returns the session cookie the callback set. */
async function oidcLogin(a: supertest.Agent, email: string): Promise<string> {
  idp.nextAccount = { sub: `oidc-${email}`, email, email_verified: true, name: 'Victim' };
  const start = await a.get('/api/auth/oidc').expect(302);
  const back = await browseIdp(start.headers['location'] as string, idp.issuer);
  const cb = await a.get(back.pathname + back.search).expect(302);
  return cookieHeader(cb, t.config.session.cookieName);
}

/** The browser dance through the CAS server; returns the session cookie the callback set. */
async function casLogin(a: supertest.Agent, email: string): Promise<string> {
  cas.nextUser = { user: `cas-${email}`, attributes: { mail: email, displayName: 'Victim' } };
  const start = await a.get('/api/auth/cas?redirect=%2F').expect(302);
  const casRes = await fetch(start.headers['location'] as string, { redirect: 'manual' });
  const back = new URL(casRes.headers.get('location') ?? '');
  const cb = await a.get(back.pathname + back.search).expect(302);
  return cookieHeader(cb, t.config.session.cookieName);
}

/** What Hasura would be told about a cookie: the webhook's session variables. */
async function hasuraSession(cookie: string): Promise<{ role: string; userId: number }> {
  const res = await agent(t).get('/api/hasura/auth').set('Cookie', cookie).expect(200);
  const b = res.body as Record<string, string>;
  return { role: b['X-Hasura-Role'] ?? '', userId: Number(b['X-Hasura-User-Id']) };
}

/** The attacker's password login, as the webhook sees the session it starts. */
async function attackerLogin(email: string, password: string): Promise<{ role: string; userId: number }> {
  const res = await agent(t).post('/api/auth/password/login').send({ email, password }).expect(200);
  return hasuraSession(cookieHeader(res, t.config.session.cookieName));
}

/** Mails to `email` whose text matches `link`, in arrival order (mails of other tests may arrive in between). */
function mailsTo(email: string, link: RegExp): string[] {
  return box.mails.filter((m) => m.to.includes(email) && link.test(mailText(m.raw))).map((m) => m.raw);
}

/** The `nth` (1-based) verification mail to `email`, once the worker delivered it. */
async function verificationMail(email: string, nth = 1): Promise<string> {
  let seen = 0;
  const mail = await box.waitFor(
    (m) => m.to.includes(email) && /verify-email\?token=/.test(mailText(m.raw)) && ++seen === nth,
  );
  return mail.raw;
}

function verifyTokenFrom(raw: string): string {
  const m = /verify-email\?token=([\w-]+)/.exec(mailText(raw));
  if (!m?.[1]) throw new Error(`no verification link in the mail:\n${mailText(raw)}`);
  return m[1];
}

describe.each([
  ['OIDC', oidcLogin],
  ['CAS', casLogin],
] as const)('pre-hijack through an unverified password sign-up, then the victim logs in via %s', (_name, login) => {
  it("keeps the victim's session, worksheets and evaluation access out of the attacker's account", async () => {
    const email = victimAddress();
    const attacker = await signup(t, { email, password: 'attacker knows this one', displayName: 'Attacker' });

    const victim = agent(t);
    const victimCookie = await login(victim, email);
    const check = body(await victim.get('/api/auth/check'));
    expect(check.auth).toBe(true);
    expect(check.user.id).not.toBe(attacker.userId);
    expect(check.user.hasEvals).toBe(true); // the IdP-verified yale.edu address matches the rule
    const ids = await t.owner.query<{ user_id: number }>(
      `select user_id from user_identities where subject like '%' || $1`,
      [email],
    );
    expect(ids.rows.map((r) => r.user_id)).toEqual([check.user.id]);

    // The victim's data, created the way Hasura would (session variables from the webhook).
    const victimSession = await hasuraSession(victimCookie);
    expect(victimSession).toEqual({ role: 'student_evals', userId: check.user.id });
    const ws = await callAction(t, 'createWorksheet', victimSession.userId, { season_code: season, name: 'Mine' });
    expect(ws.status).toBe(200);

    // The attacker's password opens only the attacker's own account: no worksheets, no evaluation access.
    const stolen = await attackerLogin(email, 'attacker knows this one');
    expect(stolen.userId).toBe(attacker.userId);
    expect(stolen.role).toBe('student');
    const theirs = await t.owner.query('select 1 from worksheets where user_id = $1', [stolen.userId]);
    expect(theirs.rowCount).toBe(0);

    // A second login of the victim lands in the same (victim's) account again.
    const again = agent(t);
    await login(again, email);
    expect(body(await again.get('/api/auth/check')).user.id).toBe(check.user.id);
  });
});

describe('e-mail verification of password sign-ups (mail sent by the worker)', () => {
  it('mails a link at sign-up; GET checks it without spending it, POST verifies; only the hash is stored', async () => {
    const email = victimAddress();
    const { userId } = await signup(t, { email });
    const token = verifyTokenFrom(await verificationMail(email));
    expect(mailsTo(email, /verify-email\?token=/)).toHaveLength(1);

    const stored = await t.owner.query<{ token_hash: string }>(
      'select token_hash from email_verification_tokens where user_id = $1',
      [userId],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.token_hash).not.toContain(token);

    // A mail scanner following the link (GET) does not verify the address.
    await agent(t).get(`/api/auth/verify-email?token=${token}`).expect(200);
    const before = await t.owner.query('select email_verified_at from users where user_id = $1', [userId]);
    expect(before.rows[0]).toEqual({ email_verified_at: null });

    await agent(t).post('/api/auth/verify-email').send({ token }).expect(200);
    const after = await t.owner.query<{ email_verified_at: Date | null }>(
      'select email_verified_at from users where user_id = $1',
      [userId],
    );
    expect(after.rows[0]?.email_verified_at).toBeInstanceOf(Date);

    const reuse = await agent(t).post('/api/auth/verify-email').send({ token });
    expect([reuse.status, body(reuse).error.code]).toEqual([400, 'invalid-token']);
    const check = await agent(t).get(`/api/auth/verify-email?token=${token}`);
    expect([check.status, body(check).error.code]).toEqual([400, 'invalid-token']);
  });

  it('refuses an expired or unknown token with 400 invalid-token', async () => {
    const email = victimAddress();
    await signup(t, { email });
    const token = verifyTokenFrom(await verificationMail(email));
    await t.owner.query(
      `update email_verification_tokens set expires_at = now() - interval '1 second' where email = $1`,
      [email],
    );
    const res = await agent(t).post('/api/auth/verify-email').send({ token });
    expect([res.status, body(res).error.code]).toEqual([400, 'invalid-token']);
    const unknown = await agent(t)
      .post('/api/auth/verify-email')
      .send({ token: 'x'.repeat(43) });
    expect([unknown.status, body(unknown).error.code]).toEqual([400, 'invalid-token']);
  });

  it.each([
    ['OIDC', oidcLogin],
    ['CAS', casLogin],
  ] as const)('links a %s login to the password account once its address is verified', async (_name, login) => {
    const email = victimAddress();
    const owner = await signup(t, { email, password: 'my own password 123' });
    const token = verifyTokenFrom(await verificationMail(email));
    await agent(t).post('/api/auth/verify-email').send({ token }).expect(200);

    const sso = agent(t);
    await login(sso, email);
    expect(body(await sso.get('/api/auth/check')).user).toMatchObject({ id: owner.userId, email, hasEvals: true });
  });

  it('counts a password reset by mail as proof of the address: the account links afterwards', async () => {
    const email = victimAddress();
    const owner = await signup(t, { email });
    await verificationMail(email); // its link stays unused
    await agent(t).post('/api/auth/password/reset-request').send({ email }).expect(202);
    const reset = await box.waitFor((x) => x.to.includes(email) && /reset-password\?token=/.test(mailText(x.raw)));
    const m = /reset-password\?token=([\w-]+)/.exec(mailText(reset.raw));
    await agent(t)
      .post('/api/auth/password/reset')
      .send({ token: m?.[1], password: 'chosen after the reset' })
      .expect(200);

    const sso = agent(t);
    await oidcLogin(sso, email);
    expect(body(await sso.get('/api/auth/check')).user.id).toBe(owner.userId);
  });

  it('re-sends a verification mail to a logged-in, unverified user', async () => {
    const email = victimAddress();
    const { agent: a } = await signup(t, { email });
    const first = verifyTokenFrom(await verificationMail(email));
    await a.post('/api/auth/verify-email/resend').expect(202);
    const token = verifyTokenFrom(await verificationMail(email, 2));
    expect(token).not.toBe(first);
    await agent(t).post('/api/auth/verify-email').send({ token }).expect(200);
    const again = await a.post('/api/auth/verify-email/resend');
    expect([again.status, body(again).error.code]).toEqual([409, 'email-already-verified']);
  });
});
