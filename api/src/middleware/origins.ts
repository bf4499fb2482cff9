/** Origin allow-lists with `https://*.example.com` wildcards (one label or more). */
export type OriginMatcher = (origin: string) => boolean;

export function originMatcher(patterns: readonly string[]): OriginMatcher {
  const exact = new Set<string>();
  const wild: RegExp[] = [];
  for (const p of patterns) {
    if (p.includes('*')) {
      const esc = p.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      wild.push(new RegExp(`^${esc.replace('*', '[a-z0-9-]+(?:\\.[a-z0-9-]+)*')}$`, 'i'));
    } else {
      try {
        exact.add(new URL(p).origin);
      } catch {
        exact.add(p);
      }
    }
  }
  return (origin) => exact.has(origin) || wild.some((r) => r.test(origin));
}
