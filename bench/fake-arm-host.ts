import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeArmOptions, RecordedRequest } from '../test/fake-arm/types.js';

/** The size of the synthetic estate the server process builds and serves. */
export interface EstateShape {
  readonly subscriptions: number;
  readonly resourcesPerSubscription: number;
}

/** Everything a FakeArm takes but its tenant and token: latency, read bucket, page size, faults. */
export type ServerOptions = Omit<FakeArmOptions, 'tenant' | 'token'>;

export interface ServerReport {
  readonly requests: RecordedRequest[];
  readonly tlsConnections: number;
  /** The server process's own CPU, µs (process.cpuUsage). */
  readonly cpu: NodeJS.CpuUsage;
}

export type ToServer = { kind: 'start'; estate: EstateShape; server: ServerOptions; token: string } | { kind: 'report' } | { kind: 'close' };
type FromServer = { kind: 'started'; url: string; caCertPath: string; resources: number } | { kind: 'report'; report: ServerReport } | { kind: 'failed'; message: string };

export interface FakeArmProcess {
  readonly url: string;
  readonly caCertPath: string;
  /** Resources in the estate served. */
  readonly resources: number;
  /** The requests served so far, TLS connections opened and the server's CPU. */
  report(): Promise<ServerReport>;
  close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./fake-arm-process.js', import.meta.url));

/** Starts the fake ARM server in its own process (bench/fake-arm-process.ts) and waits until it listens. */
export async function startFakeArmProcess(estate: EstateShape, server: ServerOptions, token: string): Promise<FakeArmProcess> {
  // Structured clone, not JSON: faults match by RegExp.
  const child = fork(ENTRY, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <K extends FromServer['kind']>(kind: K): Promise<Extract<FromServer, { kind: K }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromServer): void => {
        if (message.kind === 'failed') reject(new Error(`fake ARM process: ${message.message}`));
        else if (message.kind === kind) resolve(message as Extract<FromServer, { kind: K }>);
        else return;
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onExit = (code: number | null): void => reject(new Error(`fake ARM process exited (${code}) before answering`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (message: ToServer): void => void child.send(message);

  const started = next('started');
  send({ kind: 'start', estate, server, token });
  const { url, caCertPath, resources } = await started;
  return {
    url,
    caCertPath,
    resources,
    report: async () => {
      const answer = next('report');
      send({ kind: 'report' });
      return (await answer).report;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        send({ kind: 'close' });
      }),
  };
}
