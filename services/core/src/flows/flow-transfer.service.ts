import { Injectable } from '@nestjs/common';
import { Document, isMap, Scalar, visit } from 'yaml';
import { BlueprintError } from '@authmesh/blueprints';
import { NotFoundError } from '@authmesh/runtime';
import { BlueprintService } from '../blueprints/blueprint.service.js';
import { StageRepository } from '../stages/stage.repository.js';
import { serializeStage } from '../stages/stage.service.js';
import { stageType } from '../stages/stage-types.js';
import { FlowStageBindingRepository } from './flow-stage-binding.repository.js';
import { FlowRepository } from './flow.repository.js';
import { serializeFlow } from './flow.service.js';

/** Marks a value to be written as `!KeyOf <id>` in an export. */
interface KeyOfMarker {
  __keyOf: string;
}

/**
 * Moves one flow between installations as a blueprint: its stages, the flow and its
 * bindings, cross-referenced with !KeyOf so the file applies anywhere.
 */
@Injectable()
export class FlowTransferService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly stages: StageRepository,
    private readonly bindings: FlowStageBindingRepository,
    private readonly blueprints: BlueprintService,
  ) {}

  async export(slug: string): Promise<string> {
    const flow = await this.flows.findBySlug(slug);
    if (!flow) throw new NotFoundError();
    const [bindings] = await this.bindings.list({ target: flow.id }, { page: 1, page_size: 1000 });
    const entries: unknown[] = [];
    const stageIds = [...new Set(bindings.map((b) => b.stageId))];
    for (const id of stageIds) {
      const stage = await this.stages.findById(id);
      const type = stage && stageType(stage.type);
      if (!stage || !type) continue;
      const { pk: _pk, name, component: _c, meta_model_name: _m, flow_set: _f, ...settings } = serializeStage(stage, []);
      entries.push({ model: type.modelName, id: `stage-${id}`, identifiers: { name }, attrs: settings });
    }
    const { pk: _pk, slug: flowSlug, export_url: _url, ...flowAttrs } = serializeFlow(flow);
    entries.push({ model: 'authmesh_flows.flow', id: 'flow', identifiers: { slug: flowSlug }, attrs: flowAttrs });
    for (const b of bindings) {
      entries.push({
        model: 'authmesh_flows.flowstagebinding',
        identifiers: { target: keyOf('flow'), stage: keyOf(`stage-${b.stageId}`), order: b.order },
        attrs: {
          evaluate_on_plan: b.evaluateOnPlan,
          re_evaluate_policies: b.reEvaluatePolicies,
          policy_engine_mode: b.policyEngineMode,
          invalid_response_action: b.invalidResponseAction,
        },
      });
    }
    const document = new Document({ version: 1, metadata: { name: `authmesh flow export: ${flow.name}`, labels: {} }, entries });
    // Replace the markers by !KeyOf scalars.
    visit(document, {
      Map(_key, node) {
        const marker = node.toJSON() as Partial<KeyOfMarker>;
        if (isMap(node) && node.items.length === 1 && typeof marker.__keyOf === 'string') {
          const scalar = new Scalar(marker.__keyOf);
          scalar.tag = '!KeyOf';
          return scalar;
        }
        return undefined;
      },
    });
    return `# Exported by authmesh: one flow with its stages and bindings.\n${document.toString()}`;
  }

  /** Applies an exported flow (or any blueprint) in one transaction; failures are reported, not thrown. */
  async import(content: string): Promise<{ success: boolean; logs: Array<{ log_level: string; event: string }> }> {
    try {
      const result = await this.blueprints.applyContent(content, 'flow import');
      return {
        success: true,
        logs: result.outcomes.map((o) => ({ log_level: 'info', event: `entries[${o.entry}] ${o.model}: ${o.action}` })),
      };
    } catch (error) {
      if (error instanceof BlueprintError) return { success: false, logs: [{ log_level: 'error', event: error.message }] };
      throw error;
    }
  }
}

function keyOf(id: string): KeyOfMarker {
  return { __keyOf: id };
}
