/**
 * The real identity providers of the login tests: a CAS server and an OIDC provider (oidc-provider), with the API
 * configured for both. `extra` adds or overrides API settings.
 */
import { createTestApp, PUBLIC_URL, type TestApp } from './app.js';
import { TestCasServer } from './cas-server.js';
import { TestIdp } from './oidc-idp.js';

export interface LoginPeers {
  cas: TestCasServer;
  idp: TestIdp;
  t: TestApp;
  close(): Promise<void>;
}

export async function startLoginPeers(extra: Record<string, string> = {}): Promise<LoginPeers> {
  const cas = await TestCasServer.start();
  const idp = await TestIdp.start({
    clientId: 'coursetable',
    clientSecret: 'idp-client-secret',
    redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback`,
  });
  const t = await createTestApp({
    CAS_BASE_URL: cas.baseUrl,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'coursetable',
    OIDC_CLIENT_SECRET: 'idp-client-secret',
    OIDC_ALLOW_INSECURE_HTTP: 'true',
    ...extra,
  });
  return {
    cas,
    idp,
    t,
    async close() {
      await t.close();
      await idp.close();
      await cas.close();
    },
  };
}
