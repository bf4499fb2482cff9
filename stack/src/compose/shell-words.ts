/**
 * Splits a string-form `command:`/`entrypoint:` into words the way compose does (mattn/go-shellwords, no `sh -c`):
 * blanks separate words, '…' is literal, "…" groups, a backslash escapes the next character outside single quotes.
 * Where go-shellwords silently stops at an unquoted `;`, `&`, `|`, `<` or `>`, this refuses: the rest of the
 * command would be dropped, which is never what the file meant (write a list with `sh -c` instead).
 */
export function splitShellWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= line.length) return { error: 'trailing backslash' };
      word += line[++i] ?? '';
      inWord = true;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (';&|<>'.includes(c)) {
      return { error: `shell operator ${JSON.stringify(c)} in a string command (compose would drop the rest)` };
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { error: `unterminated ${quote} quote` };
  if (inWord) words.push(word);
  return words;
}
