import { describe, expect, it } from 'vitest';
import { resolveArmTarget } from '../../src/auth/clouds.js';
import { isScannedState, skippedSubscriptions } from '../../src/inventory/subscriptions.js';

describe('resolveArmTarget', () => {
  it('uses the cloud\'s ARM endpoint, and a token scope that follows the endpoint', () => {
    expect(resolveArmTarget(undefined, undefined)).toEqual({
      endpoint: 'https://management.azure.com',
      scope: 'https://management.azure.com/.default',
      authorityHost: 'https://login.microsoftonline.com',
    });
    expect(resolveArmTarget('AzureUSGovernment', undefined).scope).toBe('https://management.usgovcloudapi.net/.default');
    expect(resolveArmTarget('AzureChinaCloud', undefined).authorityHost).toBe('https://login.chinacloudapi.cn');
    expect(resolveArmTarget('AzurePublicCloud', 'https://management.local.azurestack.external/')).toMatchObject({
      endpoint: 'https://management.local.azurestack.external',
      scope: 'https://management.local.azurestack.external/.default',
    });
  });

  it('refuses an unknown cloud and an endpoint a token should not be sent to', () => {
    expect(() => resolveArmTarget('AzureGermanCloud', undefined)).toThrow(/--cloud: unknown cloud/);
    expect(() => resolveArmTarget(undefined, 'http://127.0.0.1:8080')).toThrow(/must be an https:\/\/ URL/);
    expect(() => resolveArmTarget(undefined, 'not a url')).toThrow(/is not a URL/);
  });
});

describe('subscription states', () => {
  it('scans Enabled, Warned and PastDue subscriptions, and lists Disabled and Deleted ones as skipped', () => {
    expect(['Enabled', 'Warned', 'PastDue', 'pastdue'].every(isScannedState)).toBe(true);
    expect(['Disabled', 'Deleted'].some(isScannedState)).toBe(false);
    expect(
      skippedSubscriptions([
        { subscriptionId: 'a', state: 'Enabled' },
        { subscriptionId: 'b', state: 'Disabled' },
        { subscriptionId: 'c', state: 'Deleted' },
        { subscriptionId: 'd', state: 'NotFound' },
        { subscriptionId: 'e', state: 'Warned' },
      ]).map((sub) => sub.subscriptionId),
    ).toEqual(['b', 'c']);
  });
});
