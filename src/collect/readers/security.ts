import { PRICING_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * Defender plans, read by path at 2024-01-01: @azure/arm-security 5.0.0 sends 2022-03-01, whose
 * pricings have no `extensions` (the Containers plan's agentless discovery and vulnerability
 * assessment came with 2023-01-01). One list per subscription, returned whole (`{ value }`).
 */
const PRICINGS: ArmRequest = { path: inSubscription(PRICING_TYPE), apiVersion: '2024-01-01' };

/** A subscription-wide list read by path through the scan's ARM pipeline. */
function subscriptionList(type: string, request: ArmRequest): ResourceReader {
  return {
    type,
    request,
    read: async (clients, sub) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(request.path, sub), request.apiVersion),
  };
}

export const SECURITY_READERS: readonly ResourceReader[] = [subscriptionList(PRICING_TYPE, PRICINGS)];
