import type { ServiceName } from '@authmesh/config';
import type { ReadinessReport, RunningService } from '@authmesh/runtime';

/** Where readiness of one service is asked. */
export type ReadinessSource = { kind: 'local'; service: RunningService } | { kind: 'remote'; baseUrl: string };

/**
 * Combines the readiness of every service the gateway routes to, caching the answer for
 * a second so a flood of probes cannot overload the services behind it.
 */
export class CombinedReadiness {
  private cached?: { at: number; report: Promise<ReadinessReport> };

  constructor(
    private readonly sources: ReadonlyMap<ServiceName, ReadinessSource>,
    private readonly cacheMs = 1000,
  ) {}

  check(): Promise<ReadinessReport> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.cacheMs) this.cached = { at: now, report: this.compute() };
    return this.cached.report;
  }

  private async compute(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.sources].map(async ([name, source]) => [name, await probe(source)] as const));
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, ok]) => ok), checks };
  }
}

async function probe(source: ReadinessSource): Promise<boolean> {
  try {
    if (source.kind === 'local') return (await source.service.readiness()).ready;
    const response = await fetch(new URL('/-/health/ready/', source.baseUrl), { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
