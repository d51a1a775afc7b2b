import type { ReadinessReport, RunningService } from './service-definition.js';

/** Where the readiness of one service is learned. */
export type ReadinessSource =
  | { kind: 'local'; service: Pick<RunningService, 'readiness'> }
  | { kind: 'remote'; baseUrl: string }
  /** Routed to, but neither in this process nor given an address: never ready. */
  | { kind: 'absent' };

export interface ReadinessProbeOptions {
  /** How long an answer is reused; a flood of probes costs the services one check per period. */
  cacheMs?: number;
  /** How long a remote service may take to answer its readiness endpoint. */
  remoteTimeoutMs?: number;
  now?: () => number;
}

/** Path every authmesh process answers readiness on; remote services are asked here too. */
export const READY_PATH = '/-/health/ready/';
export const LIVE_PATH = '/-/health/live/';

/**
 * The combined readiness of several services. Concurrent callers share one check in
 * flight, and a finished answer is reused for `cacheMs`.
 */
export class ReadinessProbe {
  private inFlight?: Promise<ReadinessReport>;
  private last?: { at: number; report: ReadinessReport };
  private readonly cacheMs: number;
  private readonly remoteTimeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly sources: ReadonlyMap<string, ReadinessSource>,
    options: ReadinessProbeOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 1000;
    this.remoteTimeoutMs = options.remoteTimeoutMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  /** Ready when every source answers ready; `checks` names each service. Never rejects. */
  check(): Promise<ReadinessReport> {
    if (this.last && this.now() - this.last.at < this.cacheMs) return Promise.resolve(this.last.report);
    this.inFlight ??= this.compute()
      .catch((): ReadinessReport => ({ ready: false, checks: {} }))
      .then((report) => {
        this.last = { at: this.now(), report };
        this.inFlight = undefined;
        return report;
      });
    return this.inFlight;
  }

  private async compute(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.sources].map(async ([name, source]) => [name, await this.probe(source)] as const));
    return { ready: entries.every(([, ok]) => ok), checks: Object.fromEntries(entries) };
  }

  private async probe(source: ReadinessSource): Promise<boolean> {
    try {
      switch (source.kind) {
        case 'local':
          return (await source.service.readiness()).ready === true;
        case 'remote': {
          const response = await fetch(new URL(READY_PATH, source.baseUrl), { signal: AbortSignal.timeout(this.remoteTimeoutMs) });
          await response.body?.cancel();
          return response.status === 200;
        }
        case 'absent':
          return false;
      }
    } catch {
      // A service that throws, times out or cannot be reached is not ready.
      return false;
    }
  }
}
