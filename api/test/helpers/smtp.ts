/** A real SMTP server (smtp-server) that keeps received mails in memory, for tests that need a mailbox. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export class TestMailbox {
  readonly mails: ReceivedMail[] = [];
  private waiters: Array<(m: ReceivedMail) => void> = [];
  private server!: SMTPServer;
  url = '';

  /**
   * `rejectWith`: answer every message with this permanent SMTP error (e.g. 550) after reading it, as a relay that
   * refuses the recipient or the content does; the message is still recorded in `mails`.
   */
  static async start(opts: { rejectWith?: number } = {}): Promise<TestMailbox> {
    const box = new TestMailbox();
    box.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const mail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          };
          box.mails.push(mail);
          box.waiters.splice(0).forEach((w) => w(mail));
          if (opts.rejectWith === undefined) callback();
          else callback(Object.assign(new Error('mailbox unavailable'), { responseCode: opts.rejectWith }));
        });
      },
    });
    await new Promise<void>((r) => box.server.listen(0, '127.0.0.1', r));
    box.url = `smtp://127.0.0.1:${(box.server.server.address() as AddressInfo).port}`;
    return box;
  }

  next(timeoutMs = 5000): Promise<ReceivedMail> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no mail received')), timeoutMs);
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  /**
   * The first mail (already received or still to come) that `match` accepts. Sign-ups mail a verification link, so a
   * test waiting for one particular mail picks it by recipient and content rather than by arrival order.
   */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs = 5000): Promise<ReceivedMail> {
    const seen = this.mails.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new Error('no matching mail received'));
      }, timeoutMs);
      const waiter = (m: ReceivedMail): void => {
        if (done) return;
        if (!match(m)) {
          this.waiters.push(waiter);
          return;
        }
        done = true;
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push(waiter);
    });
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** The body of a (quoted-printable or plain) text mail, soft line breaks undone. */
export function mailText(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
