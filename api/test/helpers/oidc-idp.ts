/**
 * A real OpenID Connect provider (oidc-provider) on loopback for tests. Interactions (login + consent) are answered
 * automatically for `nextAccount`, as if the person had signed in; PKCE is required.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

export class TestIdp {
  private server!: Server;
  provider!: Provider;
  issuer = '';
  nextAccount: IdpAccount = { sub: 'user-1' };
  private readonly accounts = new Map<string, IdpAccount>();

  static async start(opts: { clientId: string; clientSecret: string; redirectUri: string }): Promise<TestIdp> {
    const idp = new TestIdp();
    idp.server = createServer();
    await new Promise<void>((r) => idp.server.listen(0, '127.0.0.1', r));
    idp.issuer = `http://127.0.0.1:${(idp.server.address() as AddressInfo).port}`;
    idp.provider = new Provider(idp.issuer, {
      clients: [
        {
          client_id: opts.clientId,
          client_secret: opts.clientSecret,
          redirect_uris: [opts.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], affiliation: ['affiliation'] },
      cookies: { keys: ['test-cookie-key-0123456789'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const acct = idp.accounts.get(sub) ?? { sub };
        return { accountId: sub, claims: () => acct };
      },
    });
    const callback = idp.provider.callback();
    idp.server.on('request', (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        void idp.interact(req, res);
        return;
      }
      void callback(req, res);
    });
    return idp;
  }

  private async interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const details = await this.provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        const acct = this.nextAccount;
        this.accounts.set(acct.sub, acct);
        await this.provider.interactionFinished(
          req,
          res,
          { login: { accountId: acct.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new this.provider.Grant({
        accountId: details.session?.accountId ?? '',
        clientId: String(details.params['client_id']),
      });
      grant.addOIDCScope(String(details.params['scope']));
      const grantId = await grant.save();
      await this.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch {
      res.writeHead(500).end();
    }
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** Follows redirects on the IdP with a cookie jar until one leaves the IdP; returns that URL. */
export async function browseIdp(start: string, issuer: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let i = 0; i < 10; i++) {
    if (url.origin !== new URL(issuer).origin) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const loc = res.headers.get('location');
    if (!loc) throw new Error(`IdP stopped at ${url.pathname} with ${res.status}: ${await res.text()}`);
    url = new URL(loc, url);
  }
  throw new Error('too many redirects');
}
