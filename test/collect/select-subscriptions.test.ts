import { describe, expect, it } from 'vitest';
import { selectSubscriptions } from '../../src/collect/subscriptions.js';

const PROD = { subscriptionId: '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01', displayName: 'contoso-iot-prod', state: 'Enabled' };
const DEV = { subscriptionId: '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a02', displayName: 'contoso-dev', state: 'Enabled' };
const DEV_TOO = { subscriptionId: '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a03', displayName: 'Contoso-Dev', state: 'Enabled' };

describe('--subscription', () => {
  it('takes an id or a display name, case-insensitively, each subscription once', () => {
    const { subscriptions, errors } = selectSubscriptions([PROD, DEV], ['CONTOSO-IOT-PROD', PROD.subscriptionId.toUpperCase(), ' contoso-dev ']);
    expect(subscriptions).toEqual([PROD, DEV]);
    expect(errors).toEqual([]);
  });

  it('refuses a name that several subscriptions have, listing them', () => {
    expect(() => selectSubscriptions([PROD, DEV, DEV_TOO], ['contoso-dev'])).toThrow(
      `--subscription 'contoso-dev': 2 subscriptions have that name: ${DEV.subscriptionId} (contoso-dev), ${DEV_TOO.subscriptionId} (Contoso-Dev); give the id`,
    );
  });

  it('refuses a name that no subscription has, listing those the credential sees', () => {
    expect(() => selectSubscriptions([PROD, DEV], ['contoso-prod'])).toThrow(/^--subscription 'contoso-prod': no subscription the credential can see has that id or name \(it sees 6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01 \(contoso-iot-prod\), /);
  });

  it('keeps an id the credential cannot see, as not evaluated rather than dropped', () => {
    const missing = '00000000-0000-0000-0000-00000000dead';
    const { subscriptions, errors } = selectSubscriptions([PROD], [missing]);
    expect(subscriptions).toEqual([{ subscriptionId: missing, state: 'NotFound' }]);
    expect(errors).toEqual([{ scope: `/subscriptions/${missing}`, code: 'SubscriptionNotFound', message: 'the credential cannot see this subscription' }]);
  });
});
