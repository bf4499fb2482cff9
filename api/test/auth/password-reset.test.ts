import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, createTestApp, signup, type TestApp, body } from '../helpers/app.js';
import { mailText, TestMailbox } from '../helpers/smtp.js';
import { pino } from 'pino';
import { createMailer } from '../../src/clients/mailer.js';
import { startWorkers, type Workers } from '../../src/jobs/worker.js';

let box: TestMailbox;
let t: TestApp;
let workers: Workers;
beforeAll(async () => {
  box = await TestMailbox.start();
  t = await createTestApp({ SMTP_URL: box.url, MAIL_FROM: 'CourseTable <no-reply@coursetable.test>' });
  // The request only enqueues; the BullMQ worker (same Redis) delivers the mail.
  workers = startWorkers(
    t.config,
    createMailer({ smtpUrl: box.url, from: t.config.mail.from, logger: pino({ level: 'silent' }) }),
    pino({ level: 'silent' }),
  );
});
afterAll(async () => {
  await workers.close();
  await t.close();
  await box.close();
});

/** The reset mail to `email` (sign-up also mails it a verification link, which may arrive before or after). */
function resetMail(email: string): ReturnType<TestMailbox['waitFor']> {
  return box.waitFor((m) => m.to.includes(email) && /reset-password\?token=/.test(mailText(m.raw)));
}

function tokenFrom(raw: string): string {
  const m = /reset-password\?token=([\w-]+)/.exec(mailText(raw));
  if (!m?.[1]) throw new Error('no reset link in the mail');
  return m[1];
}

describe('POST /api/auth/password/reset-request + /reset', () => {
  it('mails a single-use link; the new password works, the old one and every old session do not', async () => {
    const { email, password, agent: oldSession } = await signup(t);
    await agent(t).post('/api/auth/password/reset-request').send({ email }).expect(202);
    const received = await resetMail(email);
    expect(received.to).toEqual([email]);
    const token = tokenFrom(received.raw);

    const stored = await t.owner.query<{ token_hash: string }>('select token_hash from password_reset_tokens');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token); // only the hash is stored

    await agent(t).post('/api/auth/password/reset').send({ token, password: 'a brand new password' }).expect(200);
    expect(body(await oldSession.get('/api/auth/check')).auth).toBe(false);
    await agent(t).post('/api/auth/password/login').send({ email, password }).expect(401);
    await agent(t).post('/api/auth/password/login').send({ email, password: 'a brand new password' }).expect(200);

    const reuse = await agent(t).post('/api/auth/password/reset').send({ token, password: 'yet another password' });
    expect([reuse.status, body(reuse).error.code]).toEqual([400, 'invalid-token']);
  });

  it('answers 202 for an unknown email too, and sends nothing', async () => {
    await agent(t).post('/api/auth/password/reset-request').send({ email: 'nobody-here@example.edu' }).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(box.mails.filter((m) => m.to.includes('nobody-here@example.edu'))).toEqual([]);
  });

  it('rejects an expired token with 400 invalid-token', async () => {
    const { email } = await signup(t);
    await agent(t).post('/api/auth/password/reset-request').send({ email }).expect(202);
    const token = tokenFrom((await resetMail(email)).raw);
    await t.owner.query(
      `update password_reset_tokens set expires_at = now() - interval '1 second' where used_at is null`,
    );
    const res = await agent(t).post('/api/auth/password/reset').send({ token, password: 'a brand new password' });
    expect([res.status, body(res).error.code]).toEqual([400, 'invalid-token']);
  });
});
