import { parseArmId } from '../../inventory/arm-id.js';
import type { ArmClients } from '../clients.js';

/** A resource read so far, as much of it as readers of its children need. */
export interface ParentResource {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
  /** The parent's properties as ARM sent them, for readers whose children depend on them. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * How to read one resource type. Top-level types are listed once per subscription; child
 * types once per parent of `parentType`, as that parent is read. Each reader returns the
 * resources as ARM sent them.
 */
export interface ResourceReader {
  readonly type: string;
  readonly parentType?: string;
  read(clients: ArmClients, subscriptionId: string, parent: ParentResource | undefined): Promise<unknown[]>;
}

/** Resource group and name of a parent, which the SDKs' child operations take. */
export function place(parent: ParentResource | undefined): { group: string; name: string } {
  const parsed = parent ? parseArmId(parent.id) : undefined;
  if (!parent || !parsed?.resourceGroup) throw new Error(`a child reader needs a parent in a resource group, got ${parent?.id}`);
  return { group: parsed.resourceGroup, name: parsed.name ?? parent.name };
}

/** The resource group and name of a parent's parent (a database's server). */
export function grandparentName(parent: ParentResource | undefined): string {
  return parseArmId(parseArmId(parent?.id ?? '').parentId ?? '').name ?? '';
}
