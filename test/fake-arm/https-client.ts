import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'node:https';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  /** The bearer token to send; null sends no Authorization header. */
  token?: string | null;
  /** A whole Authorization header, overriding `token`. */
  authorization?: string;
  /** A request body (a Resource Graph query), sent as JSON. */
  body?: string;
}

/**
 * A minimal HTTPS client for the fake ARM server's own tests: it trusts the server's certificate
 * through an agent (Node 20's global fetch takes no per-request CA) and keeps connections alive,
 * as SDK clients do.
 */
export class FakeArmClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    caCertPath: string,
    private readonly defaultToken: string,
  ) {
    this.agent = new Agent({ ca: readFileSync(caCertPath), keepAlive: true });
  }

  /** `target` is a path on the server or a full URL such as a nextLink. */
  send(target: string, options: RequestOptions = {}): Promise<Answer> {
    const url = target.startsWith('https://') ? target : `${this.baseUrl}${target}`;
    const token = options.token === undefined ? this.defaultToken : options.token;
    const headers: Record<string, string> = {};
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    else if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { method: options.method ?? 'GET', agent: this.agent, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  /** GETs `target` and parses the JSON body. */
  async json<T = unknown>(target: string, options: RequestOptions = {}): Promise<{ status: number; body: T; headers: IncomingHttpHeaders }> {
    const answer = await this.send(target, options);
    return { status: answer.status, headers: answer.headers, body: JSON.parse(answer.body) as T };
  }

  close(): void {
    this.agent.destroy();
  }
}
