import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { AuthenticationError } from './errors.js';
import type { ArmTarget } from './clouds.js';

/** What DefaultAzureCredential tries, in its order; named in the error when all fail. */
const DEFAULT_CHAIN =
  'environment (AZURE_TENANT_ID, AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH), workload identity (AZURE_FEDERATED_TOKEN_FILE), managed identity, Azure CLI, Azure Developer CLI, Azure PowerShell';

export interface CredentialChoice {
  readonly credential: TokenCredential;
  /** Names the source in messages: never the token itself. */
  readonly source: 'AZURE_ACCESS_TOKEN' | 'DefaultAzureCredential';
}

/**
 * The credential a live scan uses: a bearer token from AZURE_ACCESS_TOKEN when set (from
 * `az account get-access-token`, or a test), otherwise DefaultAzureCredential, loaded only
 * now so that commands that never reach Azure do not pay for @azure/identity.
 */
export async function chooseCredential(target: ArmTarget, tenantId: string | undefined): Promise<CredentialChoice> {
  const staticToken = process.env.AZURE_ACCESS_TOKEN?.trim();
  if (staticToken) return { credential: staticTokenCredential(staticToken), source: 'AZURE_ACCESS_TOKEN' };
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential({ ...(tenantId ? { tenantId } : {}), authorityHost: target.authorityHost });
  return { credential, source: 'DefaultAzureCredential' };
}

/**
 * Gets one token before any request, so that a missing login fails in one line, with what
 * was tried and what to do, instead of as a report full of errors.
 */
export async function verifyCredential(choice: CredentialChoice, target: ArmTarget): Promise<void> {
  if (choice.source === 'AZURE_ACCESS_TOKEN') return; // ARM itself judges a static token (401 → authentication error).
  try {
    const token = await choice.credential.getToken(target.scope);
    if (!token) throw new Error('no token was returned');
  } catch (error) {
    const reason = firstLine((error as Error).message);
    throw new AuthenticationError(
      `authentication failed: DefaultAzureCredential tried ${DEFAULT_CHAIN} and none gave a token for ${target.scope} (${reason}). ` +
        `Run 'az login' (with --tenant if needed), set the AZURE_* service principal variables, or set AZURE_ACCESS_TOKEN.`,
    );
  }
}

function staticTokenCredential(token: string): TokenCredential {
  const expiresOnTimestamp = jwtExpiry(token) ?? Date.now() + 60 * 60 * 1000;
  return {
    getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp }),
  };
}

/** The `exp` claim of a JWT, so the SDK does not treat a real token as expiring early; undefined for opaque tokens. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text;
  return line.length > 300 ? `${line.slice(0, 297)}…` : line.trim();
}
