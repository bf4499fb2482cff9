/**
 * CAS 2.0 / 3.0 login (what CourseTable uses).
 *   GET /api/auth/cas?redirect=<allowed url>  → 302 to <CAS>/login?service=<our callback carrying the redirect>
 *   GET /api/auth/cas/callback?ticket=…       → validates the ticket at <CAS>/serviceValidate (2.0) or
 *                                               /p3/serviceValidate (3.0), starts a session, 302 to the redirect
 * The redirect target travels inside the service URL (validated on both legs), so no session exists before login.
 * So does the login's browser binding (`login=`, see login-binding.ts): the callback refuses a ticket presented by a
 * browser that did not start this login (login CSRF), and CAS refuses the ticket for any other service URL.
 */
import { Router } from 'express';
import { ApiError } from '../errors.js';
import { completeLogin } from './complete-login.js';
import type { AuthContext } from './context.js';
import { parseCasResponse } from './cas-xml.js';
import { bindLogin, clearLoginBinding, loginBoundHere } from './login-binding.js';
import { upsertIdentityUser } from './users.repo.js';

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function casRouter(ctx: AuthContext): Router {
  const { config, deps } = ctx;
  const r = Router();

  const serviceUrl = (redirect: string, binding: string): string => {
    const u = new URL('/api/auth/cas/callback', config.publicUrl);
    u.searchParams.set('redirect', redirect);
    u.searchParams.set('login', binding);
    return u.href;
  };

  r.get('/', (req, res) => {
    if (!config.cas) throw new ApiError('provider-disabled');
    const target = ctx.checkRedirect(req.query['redirect']);
    const login = new URL(`${config.cas.baseUrl}/login`);
    login.searchParams.set('service', serviceUrl(target, bindLogin(req, res, config)));
    res.redirect(302, login.href);
  });

  r.get('/callback', async (req, res) => {
    const cas = config.cas;
    if (!cas) throw new ApiError('provider-disabled');
    await ctx.limits.login.consume(`cas:${req.ip}`);
    const target = ctx.checkRedirect(req.query['redirect']);
    const ticket = req.query['ticket'];
    if (typeof ticket !== 'string' || !/^[\w.-]{1,256}$/.test(ticket))
      throw new ApiError('login-failed', 'missing ticket');
    const binding = req.query['login'];
    if (!loginBoundHere(req, config, binding)) throw new ApiError('login-failed', 'login not started in this browser');
    const validate = new URL(`${cas.baseUrl}/${cas.version === '3.0' ? 'p3/' : ''}serviceValidate`);
    validate.searchParams.set('service', serviceUrl(target, binding as string));
    validate.searchParams.set('ticket', ticket);
    let xml: string;
    try {
      const resp = await fetch(validate, { signal: AbortSignal.timeout(5000) });
      if (!resp.ok) throw new Error(`CAS answered ${resp.status}`);
      xml = await resp.text();
    } catch (err) {
      req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'CAS validation failed');
      throw new ApiError('login-failed', 'ticket validation unavailable');
    }
    const result = parseCasResponse(xml);
    if (!result.ok) {
      req.log.info({ casCode: result.code }, 'CAS ticket rejected');
      throw new ApiError('login-failed', 'ticket rejected');
    }
    const email = first(result.attributes['mail']) ?? first(result.attributes['email']) ?? null;
    const user = await upsertIdentityUser(deps.pool, {
      provider: 'cas',
      issuer: cas.baseUrl,
      subject: result.user,
      email: email?.toLowerCase() ?? null,
      emailVerified: email !== null,
      displayName: first(result.attributes['displayName']) ?? first(result.attributes['name']) ?? result.user,
    });
    await completeLogin(req, ctx, user.user_id, 'cas', { email, attributes: result.attributes });
    clearLoginBinding(res, config);
    res.redirect(302, target);
  });

  return r;
}
