/**
 * A finding's fix command with what the finding knows filled in. Rules write their `az`
 * command once, with placeholders (`<resource-group>`, `<nsg>`, `<rule>`); a finding knows
 * its resource group, its resource's name and, from the resource id, the names of the
 * resources it is part of (a security rule's NSG). Names come from Azure and are untrusted,
 * so each value is one single-quoted word for a POSIX shell; a value that a quote cannot hold
 * safely (a control character, a newline, a bidi override), or one longer than any Azure
 * name, leaves its placeholder, as does a value the finding does not know.
 */
import type { Finding } from '../model/result.js';
import { idKey, parseArmId, typeKey } from '../inventory/arm-id.js';
import { stripUnsafe } from './sanitize.js';
import { MAX_NAME } from './text.js';

/**
 * Placeholders that stand for the name of a resource of a type: the finding's resource, or
 * the resource of that type it is part of; failing both, the one resource of that type under
 * it that its evidence names (the firewall rule of a SQL server's finding).
 */
const NAME_OF: ReadonlyMap<string, readonly string[]> = new Map([
  ['nsg', ['Microsoft.Network/networkSecurityGroups']],
  ['rule', ['Microsoft.Network/networkSecurityGroups/securityRules', 'Microsoft.Sql/servers/firewallRules']],
  ['server', ['Microsoft.Sql/servers']],
  ['database', ['Microsoft.Sql/servers/databases']],
  ['account', ['Microsoft.Storage/storageAccounts']],
  ['container', ['Microsoft.Storage/storageAccounts/blobServices/containers']],
  ['hub', ['Microsoft.Devices/IotHubs']],
  ['vault', ['Microsoft.KeyVault/vaults']],
  ['namespace', ['Microsoft.EventHub/namespaces', 'Microsoft.EventGrid/namespaces']],
  ['plan', ['Microsoft.Security/pricings']],
]);
/** Placeholders that stand for the id of a resource of a type, found the same way. */
const ID_OF: ReadonlyMap<string, readonly string[]> = new Map([['namespace-id', ['Microsoft.EventGrid/namespaces']]]);

/** The finding's `remediation.az` with every placeholder it can fill safely filled. */
export function fixCommand(finding: Finding): string {
  const template = finding.remediation.az;
  if (!template.includes('<')) return template;
  const own = ownResources(finding.resourceId);
  let evidenced: Map<string, KnownResource> | undefined;
  const resourceOf = (type: string): KnownResource | undefined => own.get(type) ?? (evidenced ??= evidencedResources(finding, own)).get(type);
  const valueOf = (placeholder: string): string | undefined => {
    switch (placeholder) {
      case 'resource-group':
        return finding.resourceGroup;
      case 'subscription-id':
        return finding.subscriptionId;
      case 'resource-id':
        return finding.resourceId;
    }
    const types = NAME_OF.get(placeholder) ?? ID_OF.get(placeholder);
    const resource = types?.map((type) => resourceOf(typeKey(type))).find((found) => found !== undefined);
    if (!resource) return undefined;
    return ID_OF.has(placeholder) ? resource.id : resource.name;
  };

  return shellWords(template)
    .map((word) => (word.trim() === '' ? word : fillWord(word, valueOf)))
    .join('');
}

/** The template split into words and the runs of spaces between them, as a shell splits it: not inside quotes. */
function shellWords(template: string): string[] {
  const parts: string[] = [];
  let word = '';
  let quote: string | undefined;
  let i = 0;
  while (i < template.length) {
    const char = template[i]!;
    if (quote === undefined && char === ' ') {
      if (word !== '') parts.push(word);
      word = '';
      const start = i;
      while (template[i] === ' ') i++;
      parts.push(template.slice(start, i));
      continue;
    }
    word += char;
    i++;
    if (char === '\\' && quote !== "'" && i < template.length) word += template[i++];
    else if (char === "'" || char === '"') quote = quote === undefined ? char : quote === char ? undefined : quote;
  }
  if (word !== '') parts.push(word);
  return parts;
}

const PLACEHOLDERS = /<([a-z][a-z0-9-]*)>/g;
// Characters with no meaning to a shell, so that a word of them means the same quoted.
const PLAIN = /^[\w/.:=,@+%-]*$/;

/**
 * One word of the template with its placeholders filled. A word holding quotes or a
 * backslash is left as it is: inside the template's own quotes (a JSON argument) a quoted
 * value would end the quote instead. Filled, a word of plain characters is quoted whole
 * (`'/subscriptions/…'`); another has each value quoted where its placeholder was.
 */
function fillWord(word: string, valueOf: (placeholder: string) => string | undefined): string {
  if (/['"\\]/.test(word) || !word.includes('<')) return word;
  const values = new Map<string, string>();
  for (const [, placeholder] of word.matchAll(PLACEHOLDERS)) {
    const value = valueOf(placeholder!);
    if (value !== undefined && fillable(value)) values.set(placeholder!, value);
  }
  if (values.size === 0) return word;
  const everyFilled = [...word.matchAll(PLACEHOLDERS)].every(([, placeholder]) => values.has(placeholder!));
  if (everyFilled && PLAIN.test(word.replace(PLACEHOLDERS, ''))) return shellQuote(word.replace(PLACEHOLDERS, (_, placeholder: string) => values.get(placeholder)!));
  return word.replace(PLACEHOLDERS, (text, placeholder: string) => (values.has(placeholder) ? shellQuote(values.get(placeholder)!) : text));
}

/** One word for a POSIX shell, taken literally: in single quotes, a quote in it written `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value a single-quoted word holds as the reader sees it: no control characters, line
 * breaks, escape sequences or bidi controls (which could make a pasted command differ from
 * the one read), and no name in it longer than any Azure name (reports show such names cut).
 */
function fillable(value: string): boolean {
  if (value === '' || stripUnsafe(value) !== value) return false;
  return value.split('/').every((segment) => segment.length <= MAX_NAME);
}

interface KnownResource {
  readonly id: string;
  readonly name: string;
}

/** The finding's resource and those it is part of, by type key, from its id. */
function ownResources(id: string): Map<string, KnownResource> {
  const own = new Map<string, KnownResource>();
  for (const resource of resourceChain(id)) if (!own.has(resource.type)) own.set(resource.type, resource);
  return own;
}

/**
 * For types not among the finding's own: the one resource of the type that its evidence
 * names under the finding's resource (with two or more, the choice is the reader's).
 */
function evidencedResources(finding: Finding, own: ReadonlyMap<string, KnownResource>): Map<string, KnownResource> {
  const under = `${idKey(finding.resourceId)}/`;
  const byType = new Map<string, Map<string, KnownResource>>();
  for (const item of finding.evidence) {
    if (!idKey(item.resourceId).startsWith(under)) continue;
    for (const resource of resourceChain(item.resourceId)) {
      if (own.has(resource.type)) continue;
      let byId = byType.get(resource.type);
      if (!byId) byType.set(resource.type, (byId = new Map()));
      byId.set(idKey(resource.id), resource);
    }
  }
  const found = new Map<string, KnownResource>();
  for (const [type, byId] of byType) if (byId.size === 1) found.set(type, [...byId.values()][0]!);
  return found;
}

/** A resource id and the ids of what it is part of, each with its type key and name. */
function resourceChain(id: string): Array<KnownResource & { readonly type: string }> {
  const chain: Array<KnownResource & { readonly type: string }> = [];
  let current: string | undefined = id;
  // A child is at most a few levels deep; the bound keeps a malformed id from looping.
  for (let depth = 0; current !== undefined && depth < 16; depth++) {
    const parsed = parseArmId(current);
    if (parsed.type === undefined || parsed.name === undefined) break;
    chain.push({ id: current, type: typeKey(parsed.type), name: parsed.name });
    current = parsed.parentId;
  }
  return chain;
}
