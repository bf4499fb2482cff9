import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indentQuotedContinuations, loadYaml } from '../../yaml-file.js';

const LAX = [
  '- description: "The limits of the role. The',
  "  'x' role (with \\\" an escaped quote) continues",
  '  here."',
  '  url: /v1/graphql # "not a quote"',
  "  query: 'it''s single'",
  '',
].join('\n');

function file(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'yaml-file-')), 'case.yaml');
  writeFileSync(f, text);
  return f;
}

describe('suite YAML reader', () => {
  it("reads a double-quoted scalar continued at its key's indentation as PyYAML does", () => {
    expect(loadYaml(file(LAX))).toEqual([
      {
        description: `The limits of the role. The 'x' role (with " an escaped quote) continues here.`,
        url: '/v1/graphql',
        query: "it's single",
      },
    ]);
  });

  it('indents only the continuation lines of an open quoted scalar', () => {
    const out = indentQuotedContinuations(LAX).split('\n');
    expect(out[1]?.startsWith('    ')).toBe(true);
    expect(out[2]?.startsWith('    ')).toBe(true);
    expect(out[3]).toBe('  url: /v1/graphql # "not a quote"');
  });

  it('still refuses YAML that is broken for other reasons', () => {
    expect(() => loadYaml(file('a: [1, 2\nb: 3\n'))).toThrow();
  });
});
