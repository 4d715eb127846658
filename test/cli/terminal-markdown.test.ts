import { describe, expect, it } from 'vitest';
import { renderMarkdownForTerminal } from '../../src/cli/terminal-markdown.js';

const plain = (markdown: string, width = 80): string => renderMarkdownForTerminal(markdown, { width, color: false });

describe('renderMarkdownForTerminal', () => {
  it('drops inline markup, keeping what it marks', () => {
    expect(plain('**Bold** and *em* and _em_ and `code *not em*` and snake_case_name and \\*stars\\* &amp; more')).toBe(
      'Bold and em and em and code *not em* and snake_case_name and *stars* & more\n',
    );
  });

  it('writes a link as its text and URL, and an autolink or a link to itself once', () => {
    expect(plain('See [the docs](https://example.com/a "title"), <https://example.com/b> and [https://x.io](https://x.io).')).toBe(
      'See the docs (https://example.com/a), https://example.com/b and https://x.io.\n',
    );
  });

  it('wraps paragraphs and list items with a hanging indent, nested lists indented', () => {
    const text = plain('- one two three four five six\n  - nested seven eight\n1. first\n2. second', 20);
    expect(text).toBe('• one two three four\n  five six\n  • nested seven\n    eight\n1. first\n2. second\n');
  });

  it('indents code blocks without wrapping or interpreting them', () => {
    expect(plain('Run:\n\n```bash\naz group list --query "[?name==\'**x**\']" --output table --subscription 00000000-0000\n```\n', 40)).toBe(
      'Run:\n\n    az group list --query "[?name==\'**x**\']" --output table --subscription 00000000-0000\n',
    );
  });

  it('lays out a table that fits, and writes one that does not as labelled rows', () => {
    const table = '| a | b |\n|---|:-:|\n| `x\\|y` | two words |\n| longer cell | z |';
    expect(plain(table)).toBe('a            b\n───────────  ─────────\nx|y          two words\nlonger cell  z\n');
    expect(plain(table, 20)).toBe('a: x|y\nb: two words\n\na: longer cell\nb: z\n');
  });

  it('marks headings: the first level underlined, the second in capitals, deeper ones underlined', () => {
    expect(plain('# Title\n\n## Section\n\ntext\n\n### Sub\n\n> quoted *text*\n\n---')).toBe('Title\n=====\n\nSECTION\n\ntext\n\nSub\n---\n\n│ quoted text\n\n────────────────────────────────────────\n');
  });

  it('colours only when asked', () => {
    expect(renderMarkdownForTerminal('**b** `c`', { width: 80, color: true })).toBe('\u001b[1mb\u001b[22m \u001b[36mc\u001b[39m\n');
  });
});
