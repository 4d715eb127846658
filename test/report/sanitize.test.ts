import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from '../../src/report/sanitize.js';

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
