import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { assertExpressionCompiles } from '../common/expression-check.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { PromptEntity } from './prompt.entity.js';
import type { PromptFilters, PromptPatch, PromptRead, PromptWrite } from './prompt.dto.js';
import { PromptRepository } from './prompt.repository.js';

/** Prompts: the fields prompt stages show. */
@Injectable()
export class PromptService {
  constructor(
    private readonly prompts: PromptRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: PromptFilters, query: ListQuery): Promise<Paginated<PromptRead>> {
    const [rows, count] = await this.prompts.list(filters, query);
    const stages = await this.prompts.stagesOf(rows.map((r) => r.id));
    return paginate(
      rows.map((r) => serializePrompt(r, stages.get(r.id) ?? [])),
      count,
      query,
    );
  }

  async get(id: string): Promise<PromptRead> {
    const prompt = await this.require(id);
    return serializePrompt(prompt, (await this.prompts.stagesOf([id])).get(id) ?? []);
  }

  async create(actor: Actor, input: PromptWrite): Promise<PromptRead> {
    return this.write(actor, new PromptEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: PromptPatch): Promise<PromptRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const prompt = await this.require(id);
    await this.prompts.delete(id);
    await this.events.modelDeleted(actor, ref(prompt));
  }

  private async write(actor: Actor, prompt: PromptEntity, input: PromptPatch, change: 'created' | 'updated'): Promise<PromptRead> {
    const fields: Array<[keyof PromptPatch, keyof PromptEntity]> = [
      ['name', 'name'],
      ['field_key', 'fieldKey'],
      ['label', 'label'],
      ['type', 'type'],
      ['required', 'required'],
      ['placeholder', 'placeholder'],
      ['placeholder_expression', 'placeholderExpression'],
      ['initial_value', 'initialValue'],
      ['initial_value_expression', 'initialValueExpression'],
      ['sub_text', 'subText'],
      ['order', 'order'],
    ];
    for (const [from, to] of fields) if (input[from] !== undefined) Object.assign(prompt, { [to]: input[from] });
    if (prompt.placeholderExpression) assertExpressionCompiles(this.options.expressions, 'placeholder', prompt.placeholder);
    if (prompt.initialValueExpression) assertExpressionCompiles(this.options.expressions, 'initial_value', prompt.initialValue);
    const saved = await this.prompts.save(prompt).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return this.get(saved.id);
  }

  private async require(id: string): Promise<PromptEntity> {
    const prompt = await this.prompts.findOneBy({ id });
    if (!prompt) throw new NotFoundError();
    return prompt;
  }
}

/** A prompt in the API (and, with expressions unevaluated, as the prompt stage runtime receives it). */
export function serializePrompt(p: PromptEntity, stages: string[] = []): PromptRead {
  return {
    pk: p.id,
    name: p.name,
    field_key: p.fieldKey,
    label: p.label,
    type: p.type,
    required: p.required,
    placeholder: p.placeholder,
    placeholder_expression: p.placeholderExpression,
    initial_value: p.initialValue,
    initial_value_expression: p.initialValueExpression,
    sub_text: p.subText,
    order: p.order,
    promptstage_set: stages,
  };
}

function ref(p: PromptEntity): ModelRef {
  return { app: 'authentik_stages_prompt', model_name: 'prompt', pk: p.id, name: p.name };
}
