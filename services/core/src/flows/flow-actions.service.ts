import { Inject, Injectable } from '@nestjs/common';
import { RpcCallError, type FlowClient } from '@authmesh/rpc';
import { NotFoundError, UnavailableError } from '@authmesh/runtime';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { FlowConfigRpc } from './flow-config.rpc.js';
import { FlowRepository } from './flow.repository.js';

/** The flow actions beside CRUD: diagram, execute link, and the executor's cache. */
@Injectable()
export class FlowActionsService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly config: FlowConfigRpc,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** A Mermaid flowchart of the flow: its policies, then each stage with the policies that gate it. */
  async diagram(slug: string): Promise<{ diagram: string }> {
    const flow = await this.config.getFlow(slug);
    const lines = ['graph TD', `flow_start[["Flow ${label(flow.title ?? slug)}"]]`];
    let previous = 'flow_start';
    const flowPolicies = (flow.policy_bindings ?? []).filter((b) => b.target === flow.pk);
    if (flowPolicies.length > 0) {
      lines.push(`flow_policy{{"Flow policies (${flowPolicies.length}, ${flow.policy_engine_mode})"}}`, `${previous} --> flow_policy`);
      lines.push('flow_policy -- denied --> done_denied["Access denied"]');
      previous = 'flow_policy';
    }
    for (const [i, binding] of (flow.bindings ?? []).entries()) {
      const node = `stage_${i}`;
      const gates = (flow.policy_bindings ?? []).filter((b) => b.target === binding.pk);
      if (gates.length > 0) {
        const when = binding.evaluate_on_plan ? 'at plan' : 'when reached';
        lines.push(`${node}_policy{{"${gates.length} polic${gates.length === 1 ? 'y' : 'ies'} (${when})"}}`);
        lines.push(`${previous} --> ${node}_policy`, `${node}_policy -- passes --> ${node}`);
      } else {
        lines.push(`${previous} --> ${node}`);
      }
      lines.push(`${node}["${label(binding.stage?.name ?? '')} (${label(binding.stage?.type ?? '')})"]`);
      previous = node;
    }
    lines.push(`${previous} --> done["Done"]`);
    return { diagram: lines.join('\n') };
  }

  async execute(slug: string): Promise<{ link: string }> {
    if (!(await this.flows.findBySlug(slug))) throw new NotFoundError();
    return { link: `/if/flow/${encodeURIComponent(slug)}/` };
  }

  async cacheInfo(): Promise<{ count: number }> {
    const info = await this.onExecutor((client) => client.getCacheInfo());
    return { count: info.count };
  }

  /** Cached policy results on the executor. */
  async policyCacheInfo(): Promise<{ count: number }> {
    const info = await this.onExecutor((client) => client.getCacheInfo());
    return { count: info.policy_count };
  }

  async cacheClear(): Promise<void> {
    await this.onExecutor((client) => client.clearCache());
  }

  private async onExecutor<T>(call: (client: FlowClient) => Promise<T>): Promise<T> {
    const client = this.options.flows;
    if (!client) throw new UnavailableError('The flow executor is not reachable from here.');
    try {
      return await call(client);
    } catch (error) {
      if (error instanceof RpcCallError) throw new UnavailableError('The flow executor did not answer.');
      throw error;
    }
  }
}

/** Text safe inside a quoted Mermaid label. */
function label(text: string): string {
  return text.replace(/["<>`]/g, "'").slice(0, 200);
}
