/**
 * Account enumeration through sign-up: the answer to POST /api/auth/password/signup must not tell whether the address
 * already has an account (status, body, cookies, timing). The owner of a taken address is told by mail instead.
 * Real app, real SMTP server and real worker.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/clients/mailer.js';
import { startWorkers, type Workers } from '../../src/jobs/worker.js';
import { agent, body, createTestApp, type TestApp } from '../helpers/app.js';
import { mailText, TestMailbox } from '../helpers/smtp.js';

let box: TestMailbox;
let t: TestApp;
let workers: Workers;
beforeAll(async () => {
  box = await TestMailbox.start();
  t = await createTestApp({
    SMTP_URL: box.url,
    MAIL_FROM: 'CourseTable <no-reply@coursetable.test>',
    RATE_LIMIT_LOGIN: '1000/900',
  });
  const silent = pino({ level: 'silent' });
  workers = startWorkers(
    t.config,
    createMailer({ smtpUrl: box.url, from: t.config.mail.from, logger: silent }),
    silent,
  );
});
afterAll(async () => {
  await workers.close();
  await t.close();
  await box.close();
});

const address = () => `enum-${randomBytes(5).toString('hex')}@example.edu`;

function signupAs(email: string, password = 'correct horse battery'): supertest.Test {
  return agent(t).post('/api/auth/password/signup').send({ email, password, displayName: 'Someone' });
}

/** What a client can see of a sign-up answer, minus what differs on every request anyway. */
function visible(res: supertest.Response): unknown {
  const cookies = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split('=')[0]);
  return { status: res.status, body: res.body as unknown, cookies };
}

describe('sign-up answers the same for a new and a taken address (account enumeration)', () => {
  it('answers 202 with the same body and no session cookie, whether or not the address has an account', async () => {
    const email = address();
    const fresh = await signupAs(email);
    const taken = await signupAs(email, 'another password entirely');
    const takenUpper = await signupAs(email.toUpperCase());
    expect(visible(fresh)).toEqual({ status: 202, body: { ok: true }, cookies: [] });
    expect(visible(taken)).toEqual(visible(fresh));
    expect(visible(takenUpper)).toEqual(visible(fresh));
  });

  it('mails the owner of a taken address that someone tried to sign up, with no link that logs in or resets', async () => {
    const email = address();
    await signupAs(email).expect(202);
    const notice = box.waitFor((m) => m.to.includes(email) && /tried to create/i.test(mailText(m.raw)), 10_000);
    await signupAs(email, 'the attacker password').expect(202);
    const text = mailText((await notice).raw);
    expect(text).toMatch(/already has a CourseTable account/i);
    expect(text).not.toMatch(/token=/);
    expect(text).not.toContain('the attacker password');
  });

  it('neither changes the existing account nor logs anyone into it', async () => {
    const email = address();
    await signupAs(email, 'the owner password').expect(202);
    await signupAs(email, 'the attacker password').expect(202);
    const attacker = await agent(t).post('/api/auth/password/login').send({ email, password: 'the attacker password' });
    expect([attacker.status, body(attacker).error.code]).toEqual([401, 'invalid-credentials']);
    const owner = await agent(t).post('/api/auth/password/login').send({ email, password: 'the owner password' });
    expect(owner.status).toBe(200);
  });

  it('lets the new account log in with its password after signing up', async () => {
    const email = address();
    await signupAs(email, 'my new password').expect(202);
    const a = agent(t);
    await a.post('/api/auth/password/login').send({ email, password: 'my new password' }).expect(200);
    expect(body(await a.get('/api/auth/check')).user).toMatchObject({ email, method: 'password' });
  });

  it('takes about as long for a taken address as for a new one (timing enumeration: argon2 runs in both)', async () => {
    const owner = address();
    await signupAs(owner).expect(202);
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      await signupAs(address()).expect(202);
      fresh.push(performance.now() - start);
      start = performance.now();
      await signupAs(owner).expect(202);
      taken.push(performance.now() - start);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // An early "already taken" answer skips the ~tens of ms argon2 hash; a uniform one does not.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.4);
  });
});
