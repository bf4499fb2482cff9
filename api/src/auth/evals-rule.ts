/**
 * Evaluation access granted at login by configured rules (EVALS_RULES): an email domain, or a CAS attribute / OIDC
 * claim with one of the listed values. Access granted by an admin is never taken away by a rule.
 */
import type { EvalsRule } from '../config.js';

export interface LoginFacts {
  email: string | null;
  /** CAS attributes or OIDC claims; values are strings or lists of strings. */
  attributes: Record<string, unknown>;
}

function values(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return [v];
  if (typeof v === 'boolean' || typeof v === 'number') return [String(v)];
  return [];
}

export function evalsRuleMatches(rules: readonly EvalsRule[], facts: LoginFacts): boolean {
  return rules.some((rule) => {
    if (rule.kind === 'email-domain') {
      const domain = facts.email?.split('@')[1]?.toLowerCase();
      return domain !== undefined && rule.domains.includes(domain);
    }
    return values(facts.attributes[rule.name]).some((v) => rule.values.includes(v));
  });
}
