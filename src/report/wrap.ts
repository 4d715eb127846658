// SGR colour codes, which take no columns on screen.
const SGR = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(SGR, '').length;
}

/** Word-wraps `text` to `width` visible columns; lines after the first start with `indent`. */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let lineHasWord = false;
  for (const word of text.split(/ +/).filter(Boolean)) {
    if (lineHasWord && visibleLength(line) + 1 + visibleLength(word) > width) {
      lines.push(line);
      line = indent;
      lineHasWord = false;
    }
    line += (lineHasWord ? ' ' : '') + word;
    lineHasWord = true;
  }
  if (lineHasWord) lines.push(line);
  return lines;
}

/**
 * Wraps a shell command so that it can still be pasted: every line but the last ends in
 * a backslash continuation.
 */
export function wrapCommand(command: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines = wrap(command, width - 2, `${indent}  `, firstIndent);
  return lines.map((line, i) => (i < lines.length - 1 ? `${line} \\` : line));
}
