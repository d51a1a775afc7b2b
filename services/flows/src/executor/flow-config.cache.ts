import type { FlowConfigClient, FlowDefinition__Output } from '@authmesh/rpc';

/** How long a flow definition is reused without hearing about changes (a safety net for lost broadcasts). */
const TTL_MS = 60_000;

/** Flow definitions read from core, cached per slug and dropped whenever core announces a change. */
export class FlowConfigCache {
  private readonly flows = new Map<string, { flow: Promise<FlowDefinition__Output>; at: number }>();

  constructor(private readonly client: FlowConfigClient) {}

  flow(slug: string): Promise<FlowDefinition__Output> {
    const hit = this.flows.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.flow;
    const flow = this.client.getFlow(slug);
    this.flows.set(slug, { flow, at: Date.now() });
    // A failed read is not cached: the next request asks again.
    flow.catch(() => this.flows.delete(slug));
    return flow;
  }

  clear(): void {
    this.flows.clear();
  }

  get size(): number {
    return this.flows.size;
  }
}
