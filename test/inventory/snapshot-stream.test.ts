import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextChunks } from '../../src/inventory/chunked-text.js';
import { InputError } from '../../src/inventory/errors.js';
import { findJsonSyntaxError } from '../../src/inventory/json-error.js';
import { streamJsonDocument } from '../../src/inventory/json-stream.js';
import { inventoryFromSnapshot, parseJsonText, ResourceReading } from '../../src/inventory/snapshot.js';
import { loadSnapshotFile, streamSnapshotJson } from '../../src/inventory/snapshot-stream.js';
import { openSnapshotText } from '../../src/inventory/snapshot-file.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-stream-'));
let files = 0;
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le';
function write(text: string, encoding: Encoding = 'utf8'): string {
  const path = join(dir, `doc-${files++}.json`);
  const bytes =
    encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
  writeFileSync(path, bytes);
  return path;
}

/** Characters that trouble a scanner: brackets and quotes in strings, escapes, multi-byte and lone surrogates. */
const hostileChar = fc.oneof(
  fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\t', '/', '\u2028', '\u0000', '\u001f', 'é', '€', '😀', '\ud800', '\udfff', 'a', 'Z', '0'),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
);
const hostileString = fc.array(hostileChar, { maxLength: 12 }).map((chars) => chars.join(''));
const key = fc.oneof(hostileString, fc.constantFrom('resources', 'schemaVersion', 'errors', '__proto__', 'constructor', 'id'));
const leaf = fc.oneof(hostileString, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const { json } = fc.letrec((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('json'), { maxLength: 4 }), fc.array(fc.tuple(key, tie('json')), { maxLength: 4 }).map(entriesToObject)),
}));
function entriesToObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of entries) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  return object;
}
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');

/** A document as text, with white space anywhere and top-level keys (`resources` too) possibly repeated. */
const documentText = fc.oneof(
  fc.tuple(fc.array(fc.tuple(key, json, space, space), { maxLength: 6 }), fc.option(fc.array(json, { maxLength: 6 })), fc.nat(6), space).map(([fields, resources, at, end]) => {
    const entries = fields.map(([name, value, a, b]) => `${a}${JSON.stringify(name)}${b}:${a}${JSON.stringify(value)}${b}`);
    if (resources) entries.splice(Math.min(at, entries.length), 0, `${end}"resources"${end}:${end}[${resources.map((r) => `${end}${JSON.stringify(r)}${end}`).join(',')}]`);
    return `${end}{${entries.join(',')}}${end}`;
  }),
  fc.tuple(fc.array(json, { maxLength: 6 }), space).map(([items, s]) => `${s}[${items.map((item) => `${s}${JSON.stringify(item)}`).join(`${s},`)}${s}]${s}`),
  json.map((value) => JSON.stringify(value, null, 2)),
);

/** Splits text into pieces of random sizes, down to one character (a surrogate pair may be split). */
function pieces(text: string, sizes: number[]): TextChunks {
  let at = 0;
  let turn = 0;
  return {
    next: () => {
      if (at >= text.length) return undefined;
      const size = sizes[turn++ % sizes.length]!;
      const piece = text.slice(at, at + size);
      at += size;
      return piece;
    },
  };
}

function streamed(chunks: TextChunks): unknown {
  const fields = {} as Record<string, unknown>;
  let elements: unknown[] = [];
  let streamedArray = false;
  const root = streamJsonDocument(chunks, 'resources', {
    field: (name, value) => {
      if (name === 'resources') streamedArray = false;
      Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
    },
    arrayStart: () => {
      elements = [];
      streamedArray = true;
      delete fields.resources;
    },
    element: (value) => elements.push(value),
  });
  if (root.kind === 'array') return elements;
  if (root.kind === 'value') return root.value;
  if (streamedArray) fields.resources = elements;
  return fields;
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 });

describe('streamJsonDocument: the same value as JSON.parse, whatever the chunks', () => {
  it('for random documents with hostile strings, repeated keys and white space anywhere', () => {
    fc.assert(
      fc.property(documentText, chunkSizes, (text, sizes) => {
        expect(streamed(pieces(text, sizes))).toEqual(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('through a file in UTF-8, UTF-8 with a byte-order mark, or UTF-16LE, read a few bytes at a time', () => {
    fc.assert(
      fc.property(documentText, fc.integer({ min: 1, max: 40 }), fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le'), (text, chunkBytes, encoding) => {
        const file = openSnapshotText(write(text, encoding), chunkBytes);
        try {
          expect(streamed(file)).toEqual(JSON.parse(text));
        } finally {
          file.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Today's message for a text JSON.parse refuses (parseJsonText over the whole string). */
function wholeTextError(text: string, path: string): string | undefined {
  try {
    parseJsonText(text, path);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const corruption = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'truncate', 'replace'), fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', 'x', '1', ' ', '\n', '\u0001', 'é', '-'));
function corrupt(text: string, [at, how, ch]: [number, string, string]): string {
  const i = text.length === 0 ? 0 : at % text.length;
  if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
  if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
  if (how === 'replace') return text.slice(0, i) + ch + text.slice(i + 1);
  return text.slice(0, i);
}

describe('a snapshot file that is not JSON: the same line and column as a whole-text parse says', () => {
  it('for random corruptions anywhere, at any chunk size and encoding', () => {
    fc.assert(
      fc.property(documentText, corruption, fc.integer({ min: 1, max: 50 }), fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le'), (valid, how, chunkBytes, encoding) => {
        const text = corrupt(valid, how);
        const path = write(text, encoding);
        const expected = wholeTextError(text, path);
        fc.pre(expected !== undefined);
        expect(() => streamSnapshotJson(path, new ResourceReading(), chunkBytes)).toThrow(new InputError(expected!));
      }),
      { numRuns: 400 },
    );
  });

  it('finds an error far past the first chunks, counting lines across them', () => {
    const resources = Array.from({ length: 3000 }, (_, i) => ({ id: `/subscriptions/s1/providers/X.Y/z/n${i}`, type: 'X.Y/z', properties: { text: 'é€😀 "[{' } }));
    const text = JSON.stringify({ schemaVersion: 1, resources }, null, 2);
    const at = text.lastIndexOf('"type": "X.Y/z"') + '"type": "X.Y/z"'.length;
    const broken = `${text.slice(0, at)} oops${text.slice(at)}`;
    const message = wholeTextError(broken, 'x')!;
    expect(message).toMatch(/^x: not valid JSON at line \d{5}, column \d+: /);
    const path = write(broken);
    expect(() => loadSnapshotFile(path, 4096)).toThrow(message.replace(/^x:/, `${path}:`));
    expect(findJsonSyntaxError(broken)).toMatchObject({ message: "expected ',' or '}' in an object, found 'o'" });
  });
});

/** What an inventory holds, in a form to compare. */
function contents(load: () => ReturnType<typeof loadSnapshotFile>): unknown {
  try {
    const inventory = load();
    return {
      source: inventory.source,
      resources: inventory.resources.map((r) => [r.id, r.key, r.type, r.name, r.parentKey, r.raw]),
      malformed: inventory.malformed,
      errors: inventory.errors,
      subscriptions: inventory.subscriptions,
      collected: [...inventory.collected],
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { refused: error.message };
  }
}

const ids = fc.constantFrom('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/a', '/subscriptions/S1/resourceGroups/RG/providers/Microsoft.Network/networkSecurityGroups/A', '/subscriptions/s2/providers/Microsoft.Storage/storageAccounts/b', '');
const resource = fc.oneof(
  fc.record({ id: ids, type: fc.constantFrom('Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts'), properties: fc.oneof(fc.constant({}), fc.record({ x: leaf }), leaf) }, { requiredKeys: ['id'] }),
  leaf,
);
const snapshotDocument = fc.record(
  {
    schemaVersion: fc.constantFrom(1, 1, 1, 2),
    tenantId: fc.oneof(fc.string(), fc.integer()),
    collected: fc.array(fc.constantFrom('Microsoft.Network/networkSecurityGroups', 3)),
    subscriptions: fc.array(fc.record({ subscriptionId: fc.constantFrom('s1', 's2'), state: fc.constantFrom('Enabled', 'Disabled') })),
    errors: fc.array(fc.record({ scope: fc.constantFrom('/subscriptions/s1', ''), code: fc.constant('X') })),
    resources: fc.oneof(fc.array(resource, { maxLength: 6 }), leaf),
  },
  { requiredKeys: [] },
);

describe('loadSnapshotFile reads a snapshot as parsing it whole did', () => {
  it('the same inventory, or the same refusal, for random snapshots and bare arrays', () => {
    fc.assert(
      fc.property(fc.oneof(snapshotDocument, fc.array(resource, { maxLength: 6 })), fc.boolean(), fc.integer({ min: 1, max: 300 }), (document, pretty, chunkBytes) => {
        const text = JSON.stringify(document, null, pretty ? 2 : undefined);
        const path = write(text);
        expect(contents(() => loadSnapshotFile(path, chunkBytes))).toEqual(contents(() => inventoryFromSnapshot(JSON.parse(text), path)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last of repeated top-level keys, as JSON.parse does, resources included', () => {
    const nsg = (name: string) => ({ id: `/subscriptions/s1/providers/Microsoft.Network/networkSecurityGroups/${name}`, type: 'Microsoft.Network/networkSecurityGroups', properties: {} });
    const text = `{"resources": [${JSON.stringify(nsg('first'))}], "schemaVersion": 2, "schemaVersion": 1, "resources": [${JSON.stringify(nsg('second'))}]}`;
    const names = loadSnapshotFile(write(text), 7).resources.map((r) => r.name);
    expect(names).toEqual(['second', 's1']);
    expect(() => loadSnapshotFile(write(`{"schemaVersion": 1, "resources": [], "resources": {}}`), 3)).toThrow(/resources: expected an array, found an object$/);
  });
});
