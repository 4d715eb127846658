import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/markup.js';
import { sanitizeForTerminal, stripUnsafe } from '../../src/report/sanitize.js';
import { csvCell, escapeMarkdown, escapeXml, jsonDocument, markdownCode, MAX_TEXT, sarifText, shownName, shownText, truncate } from '../../src/report/text.js';

describe('sanitizeForTerminal', () => {
  it.each([
    ['colour codes', 'nsg-\u001b[31mred\u001b[0m', 'nsg-red'],
    ['cursor movement and erase line', 'ok\u001b[2K\u001b[1Aevil', 'okevil'],
    ['a window title (OSC, BEL-terminated)', '\u001b]0;pwned\u0007name', 'name'],
    ['a hyperlink (OSC 8, ST-terminated)', '\u001b]8;;http://x\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['bare controls and DEL', 'a\u0000b\u0007c\u007fd\u0008e', 'abcde'],
    ['newlines that would forge report lines', 'name\nCRITICAL (0)\r\n', 'name CRITICAL (0) '],
    ['bidi overrides (Trojan Source)', 'admin\u202Etxt.exe\u2066', 'admintxt.exe'],
    ['device control strings', 'x\u001bPq#0;2;0;0;0\u001b\\y', 'xy'],
  ])('removes %s', (_, input, output) => {
    expect(sanitizeForTerminal(input)).toBe(output);
  });

  it('leaves ordinary text, including non-Latin names, alone', () => {
    expect(sanitizeForTerminal("rg-søknad/nsg-東京 'allow' (priority 100)")).toBe("rg-søknad/nsg-東京 'allow' (priority 100)");
  });
});

describe('stripUnsafe, under every medium', () => {
  it.each([
    ['other escapes (reset, save cursor, charset)', 'a\u001bcb\u001b7c\u001b(Bd', 'abcd'],
    ['8-bit device control and OSC strings', 'a\u0090q\u009cb\u009d0;t\u009cc', 'abc'],
    ['NEL and the Unicode line separators', 'a\u0085b\u2028c\u2029d', 'a b c d'],
    ['lone surrogates, keeping pairs', 'a\ud800b\udc00c😀', 'abc😀'],
    ['bidi marks', 'a\u200eb\u200fc\u061cd', 'abcd'],
  ])('removes %s', (_, input, output) => {
    expect(stripUnsafe(input)).toBe(output);
  });

  it('keeps newlines and tabs when asked, never other controls', () => {
    expect(stripUnsafe('a\r\nb\tc\u001b[2Jd\u0007', { keepNewlines: true })).toBe('a\nb\tcd');
  });
});

describe('per-medium escapers', () => {
  it('truncate cuts to the length asked, an ellipsis last, never half a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(shownName('x'.repeat(70_000))).toHaveLength(256);
  });

  it('shownText cuts the names a message quotes, then the message', () => {
    const name = 'n'.repeat(1_000);
    expect(shownText(`Storage account '${name}' allows anonymous access.`, [name])).toBe(`Storage account '${'n'.repeat(255)}…' allows anonymous access.`);
    expect(shownText('m'.repeat(5_000))).toHaveLength(MAX_TEXT);
  });

  it('csvCell: one line, no controls, formulas neutralised (full-width forms too)', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('\u001b[2J=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a\nb\u202ec')).toBe('a bc');
    expect(csvCell(undefined)).toBe('');
  });

  it('escapeMarkdown: no markup, links, autolinks or mentions', () => {
    expect(escapeMarkdown('[x](https://evil) *b* <i> | @team www.evil.com a&b')).toBe(
      '\\[x\\]\\(https\\://evil\\) \\*b\\* &lt;i\\> \\| @&#8203;team www\\.evil.com a&amp;b',
    );
  });

  it('markdownCode: exact text in a code span, fenced past its backticks', () => {
    expect(markdownCode('vm-elastic-01')).toBe('`vm-elastic-01`');
    expect(markdownCode('a`b``c')).toBe('```a`b``c```');
    expect(markdownCode('`edge`')).toBe('`` `edge` ``');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
    expect(markdownCode('a|b', false)).toBe('`a|b`');
    expect(markdownCode('\u001b[31m')).toBe('');
  });

  it('sarifText: no embedded links, brackets and the backslash before one escaped', () => {
    expect(sarifText('see [x](0) and \\[y] \u001b[2J')).toBe('see \\[x\\](0) and \\\\\\[y\\] ');
  });

  it('escapeXml: only characters XML can hold, metacharacters as entities', () => {
    expect(escapeXml('<a b="c">&\'\u0001\ufffe\u001b[1m\nd')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;&apos;\nd');
  });

  it('escapeHtml: one line, metacharacters as entities', () => {
    expect(escapeHtml('<b onclick="x">\'&\u202e\nz')).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp; z');
  });

  it('jsonDocument: the same value, with invisible characters written as escapes', () => {
    const value = { name: 'a\u202eb\u009bc\u2028d\u001be' };
    const text = jsonDocument(value);
    expect(text).not.toMatch(/[\u001b\u009b\u202e\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
