import { CloudSettingError } from './errors.js';

/** The Azure clouds `--cloud` names: where ARM is, and where tokens come from. */
export const CLOUDS = {
  AzurePublicCloud: { armEndpoint: 'https://management.azure.com', authorityHost: 'https://login.microsoftonline.com' },
  AzureUSGovernment: { armEndpoint: 'https://management.usgovcloudapi.net', authorityHost: 'https://login.microsoftonline.us' },
  AzureChinaCloud: { armEndpoint: 'https://management.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn' },
} as const;
export type CloudName = keyof typeof CLOUDS;

export interface ArmTarget {
  /** ARM's base URL, without a trailing slash. */
  readonly endpoint: string;
  /** The token scope for that endpoint: `<endpoint>/.default`. */
  readonly scope: string;
  readonly authorityHost: string;
}

/**
 * Where a live scan goes. `--arm-endpoint` (Azure Stack Hub, an emulator, a test server)
 * overrides the cloud's endpoint, and the token scope always follows the endpoint: a token
 * for one ARM is not valid at another.
 */
export function resolveArmTarget(cloud: string | undefined, armEndpoint: string | undefined): ArmTarget {
  const name = (cloud ?? 'AzurePublicCloud') as CloudName;
  const known = CLOUDS[name];
  if (!known) throw new CloudSettingError(`--cloud: unknown cloud '${cloud}' (expected ${Object.keys(CLOUDS).join(', ')})`);
  const endpoint = armEndpoint === undefined ? known.armEndpoint : parseEndpoint(armEndpoint);
  return { endpoint, scope: `${endpoint}/.default`, authorityHost: known.authorityHost };
}

function parseEndpoint(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CloudSettingError(`--arm-endpoint: '${text}' is not a URL`);
  }
  // Bearer tokens must not travel in clear text; the SDK refuses them on http:// too.
  if (url.protocol !== 'https:') throw new CloudSettingError(`--arm-endpoint: '${text}' must be an https:// URL`);
  if (url.search || url.hash) throw new CloudSettingError(`--arm-endpoint: '${text}' must not have a query or fragment`);
  return url.toString().replace(/\/+$/, '');
}
