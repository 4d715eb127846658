import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const match = /\/node_modules\/(@azure\/[^/]+)\//.exec(resolved.url);
  if (match && file) appendFileSync(file, `${match[1]}\n`);
  return resolved;
}
