import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { paginate, parseOrThrow, patchSchemaOf, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { mergeSettings, publicSettings, runtimeSettings } from '../common/typed-settings.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { StageEntity } from './stage.entity.js';
import { StageRepository } from './stage.repository.js';
import { stageType } from './stage-types.js';
import type { StageType } from './stage-type.js';

const nameSchema = z.string().trim().min(1, 'This field may not be blank.').max(255);

/** The create schema of a stage type: its name and its own settings. */
export function stageWriteSchema(type: StageType) {
  return z.object({ name: nameSchema }).extend(type.settings.shape);
}

/** The PATCH schema of a stage type. */
export function stagePatchSchema(type: StageType) {
  return patchSchemaOf(stageWriteSchema(type));
}

export type StageRead = { pk: string; name: string; component: string; meta_model_name: string; flow_set: string[] } & Record<
  string,
  unknown
>;

/** A setting the user can configure themselves, by running a stage's configure flow. */
export interface UserSetting {
  object_uid: string;
  component: string;
  title: string;
  configure_url: string;
}

/** Stage types whose configure flow users run from their settings, and the settings component of each. */
const USER_SETTING_COMPONENTS: Record<string, string> = {
  authenticator_totp: 'ak-user-settings-authenticator-totp',
  authenticator_static: 'ak-user-settings-authenticator-static',
  authenticator_webauthn: 'ak-user-settings-authenticator-webauthn',
  authenticator_sms: 'ak-user-settings-authenticator-sms',
  authenticator_duo: 'ak-user-settings-authenticator-duo',
  password: 'ak-user-settings-password',
};

/** Stages of every type: one service, validated by each type's schema. */
@Injectable()
export class StageService {
  constructor(
    private readonly stages: StageRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(type: StageType | undefined, query: ListQuery & { name?: string }): Promise<Paginated<StageRead>> {
    const [rows, count] = await this.stages.list(type?.type, query);
    const flows = await this.stages.flowsOf(rows.map((r) => r.id));
    return paginate(
      rows.map((r) => serializeStage(r, flows.get(r.id) ?? [])),
      count,
      query,
    );
  }

  /** What users may set up themselves: every authenticator or password stage with a configure flow. */
  async userSettings(): Promise<UserSetting[]> {
    const rows = await this.stages.withConfigureFlow(Object.keys(USER_SETTING_COMPONENTS));
    return rows.map((row) => {
      const friendly = typeof row.config.friendly_name === 'string' ? row.config.friendly_name.trim() : '';
      return {
        object_uid: row.id,
        component: USER_SETTING_COMPONENTS[row.type],
        title: friendly || row.flow_title || row.name,
        configure_url: `/if/flow/${encodeURIComponent(row.flow_slug)}/`,
      };
    });
  }

  async get(type: StageType | undefined, id: string): Promise<StageRead> {
    const stage = await this.require(id, type);
    return serializeStage(stage, (await this.stages.flowsOf([id])).get(id) ?? []);
  }

  async create(actor: Actor, type: StageType, input: unknown): Promise<StageRead> {
    const { name, ...settings } = parseOrThrow(stageWriteSchema(type), input);
    const config = mergeSettings(type, {}, settings, this.options.secretBox);
    const stage = Object.assign(new StageEntity(), { name, type: type.type, config });
    const saved = await this.stages.save(stage).catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(saved, type));
    return serializeStage(saved, []);
  }

  async update(actor: Actor, type: StageType, id: string, input: unknown): Promise<StageRead> {
    const stage = await this.require(id, type);
    const { name, ...settings } = parseOrThrow(stagePatchSchema(type), input) as Record<string, unknown>;
    if (typeof name === 'string') stage.name = name;
    stage.config = mergeSettings(type, stage.config, settings, this.options.secretBox);
    const saved = await this.stages.save(stage).catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(saved, type));
    return this.get(type, saved.id);
  }

  async delete(actor: Actor, type: StageType | undefined, id: string): Promise<void> {
    const stage = await this.require(id, type);
    await this.stages.delete(id);
    await this.events.modelDeleted(actor, ref(stage, stageType(stage.type)));
  }

  /** A stage's settings for the flow executor, secrets opened. */
  runtimeSettings(stage: StageEntity): Record<string, unknown> {
    const type = stageType(stage.type);
    return type ? runtimeSettings(type, stage.config, this.options.secretBox) : {};
  }

  private async require(id: string, type?: StageType): Promise<StageEntity> {
    const stage = await this.stages.findById(id, type?.type);
    if (!stage) throw new NotFoundError();
    return stage;
  }
}

/** A stage in the API: common fields first, then the type's own settings (defaults filled in). */
export function serializeStage(stage: StageEntity, flowSet: string[]): StageRead {
  const type = stageType(stage.type);
  const settings = type ? publicSettings(type, stage.config) : stage.config;
  return {
    ...settings,
    pk: stage.id,
    name: stage.name,
    component: type?.component ?? 'ak-stage-unknown',
    meta_model_name: type?.alias ?? stage.type,
    flow_set: flowSet,
  };
}

function ref(stage: StageEntity, type: StageType | undefined): ModelRef {
  const [app, model] = (type?.alias ?? `authentik_stages.${stage.type}`).split('.');
  return { app, model_name: model, pk: stage.id, name: stage.name };
}
