import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Load a suite YAML file (mapping order is kept, which the key-order comparison relies on). Upstream reads the files
 * with PyYAML, which is laxer than YAML 1.2 in one way the suite uses: a double-quoted scalar whose continuation lines
 * are not indented past its key. When a file fails strictly, it is read again with those continuation lines indented:
 * a quoted scalar folds its line breaks and drops their leading spaces, so the value is the same.
 */
export function loadYaml(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return parse(text, { uniqueKeys: false });
  } catch (e) {
    const relaxed = indentQuotedContinuations(text);
    if (relaxed === text) throw e;
    return parse(relaxed, { uniqueKeys: false });
  }
}

/** Whether a double-quoted scalar is still open at the end of the line (`inside`: open at its start). */
function endsInsideQuotes(line: string, inside: boolean): boolean {
  let open = inside;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (open) {
      if (c === '\\') i++;
      else if (c === '"') open = false;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ')) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '"') {
      open = true;
    }
  }
  return open;
}

export function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let inside = false;
  let indent = '';
  for (const [n, line] of lines.entries()) {
    if (inside) lines[n] = `${indent}${line}`;
    else indent = ' '.repeat(line.length - line.trimStart().length + 2);
    inside = endsInsideQuotes(line, inside);
  }
  return lines.join('\n');
}
