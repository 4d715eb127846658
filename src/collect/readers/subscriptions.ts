import type { ArmClients } from '../clients.js';
import { readList } from '../read.js';
import type { ArmRequest } from './reader.js';

/** The subscriptions the credential can see, listed once per collection, at the api-version @azure/arm-resources-subscriptions 2.1.1 sends. */
export const SUBSCRIPTION_LIST: ArmRequest = { path: '/subscriptions', apiVersion: '2022-12-01' };

export async function readSubscriptionList(clients: ArmClients): Promise<unknown[]> {
  const client = await clients.subscriptions();
  return readList((options) => client.subscriptions.list(options));
}
