import type { RequestStats } from './arm-policy.js';

/** Counts a collection reports as it goes. */
export interface ProgressCounts {
  subscriptionsDone: number;
  subscriptionsTotal: number;
  typesDone: number;
  typesTotal: number;
}

/**
 * One line on stderr, redrawn in place, while a live scan collects: subscriptions and
 * resource types done, requests made, throttled waits. Only on a terminal and never with
 * --quiet; stdout is left to the report.
 */
export class Progress {
  readonly counts: ProgressCounts = { subscriptionsDone: 0, subscriptionsTotal: 0, typesDone: 0, typesTotal: 0 };
  private timer: NodeJS.Timeout | undefined;
  private drawn = false;

  constructor(
    private readonly stats: RequestStats,
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static forTerminal(stats: RequestStats, quiet: boolean): Progress {
    return new Progress(stats, !quiet && process.stderr.isTTY === true);
  }

  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }

  line(): string {
    const { counts, stats } = this;
    return (
      `azscan: subscriptions ${counts.subscriptionsDone}/${counts.subscriptionsTotal}` +
      ` · resource types ${counts.typesDone}/${counts.typesTotal} · requests ${stats.requests}` +
      ` · throttled ${stats.throttled}` +
      (stats.retries > 0 ? ` · retries ${stats.retries}` : '')
    );
  }

  private draw(): void {
    // A pseudo-terminal may report 0 columns; 80 is the terminal's traditional width.
    const columns = this.stream.columns || 80;
    this.stream.write(`\r\u001b[2K${this.line().slice(0, Math.max(20, columns - 1))}`);
    this.drawn = true;
  }
}
