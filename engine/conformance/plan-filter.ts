import { globToRegExp, matchesAny } from './glob.js';
import type { PlannedDirectory } from './types.js';

/** Keep the directories (or single `dir/file` case files) that `--only` globs select; drop empty ones. */
export function filterPlan(dirs: readonly PlannedDirectory[], only: readonly string[]): PlannedDirectory[] {
  const globs = only.map(globToRegExp);
  const out: PlannedDirectory[] = [];
  for (const d of dirs) {
    if (matchesAny(globs, d.name)) {
      if (d.caseFiles.length > 0) out.push(d);
      continue;
    }
    const keep = (f: string): boolean => matchesAny(globs, `${d.name}/${f}`);
    const caseFiles = d.caseFiles.filter(keep);
    if (caseFiles.length === 0 || globs.length === 0) continue;
    const classes = d.classes
      .map((c) => ({ ...c, tests: c.tests.filter((t) => keep(t.file)) }))
      .filter((c) => c.tests.length > 0);
    out.push({ ...d, caseFiles, classes });
  }
  return out;
}
