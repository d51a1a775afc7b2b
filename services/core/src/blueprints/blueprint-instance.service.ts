import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { BlueprintError, parseBlueprint, type ApplyResult } from '@authmesh/blueprints';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { yamlFiles } from './blueprint-files.js';
import { BlueprintInstanceEntity } from './blueprint-instance.entity.js';
import type { InstancePatch, InstanceRead, InstanceWrite } from './blueprint-instance.dto.js';
import { BlueprintInstanceRepository } from './blueprint-instance.repository.js';
import { BlueprintService } from './blueprint.service.js';

/** A blueprint file found in one of the blueprint folders. */
export interface AvailableBlueprint {
  path: string;
  last_m: string;
  hash: string;
  meta: { name: string; labels: Record<string, string> };
}

/** What one discovery pass found and did. */
export interface DiscoveryReport {
  /** Blueprint files found in the folders. */
  files: number;
  /** Names of the instances applied because their file was new or changed. */
  applied: string[];
  /** `name: error` of those whose application failed. */
  failed: string[];
}

const LABEL_INSTANTIATE = 'blueprints.goauthentik.io/instantiate';

/**
 * Blueprint instances: which blueprints are applied, with what context, and how the last
 * application went. Discovery creates an instance for every file in the blueprint folders
 * (except those labelled instantiate: "false") and re-applies a file when it changes.
 */
@Injectable()
export class BlueprintInstanceService {
  constructor(
    private readonly instances: BlueprintInstanceRepository,
    private readonly blueprints: BlueprintService,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: { name?: string; path?: string; show_system?: string }, query: ListQuery): Promise<Paginated<InstanceRead>> {
    const [rows, count] = await this.instances.list(filters, query);
    return paginate(rows.map(serializeInstance), count, query);
  }

  async get(id: string): Promise<InstanceRead> {
    return serializeInstance(await this.require(id));
  }

  /** Every valid blueprint file in the blueprint folders. */
  available(): AvailableBlueprint[] {
    const found: AvailableBlueprint[] = [];
    const seen = new Set<string>();
    for (const root of this.blueprints.roots()) {
      for (const file of yamlFiles(root)) {
        const path = relative(root, file);
        if (seen.has(path)) continue;
        const text = readFileSync(file, 'utf8');
        try {
          const { metadata } = parseBlueprint(text, path);
          seen.add(path);
          found.push({ path, last_m: statSync(file).mtime.toISOString(), hash: sha256(text), meta: metadata });
        } catch (error) {
          this.options.logger.warn({ path, err: (error as Error).message }, 'ignoring a file that is not a valid blueprint');
        }
      }
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  async create(actor: Actor, input: InstanceWrite): Promise<InstanceRead> {
    const instance = Object.assign(new BlueprintInstanceEntity(), { name: input.name, context: input.context, enabled: input.enabled });
    this.setSource(instance, input.path, input.content);
    const saved = await this.instances.save(instance).catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(saved));
    return serializeInstance(saved);
  }

  async update(actor: Actor, id: string, input: InstancePatch): Promise<InstanceRead> {
    const instance = await this.require(id);
    if (input.name !== undefined) instance.name = input.name;
    if (input.context !== undefined) instance.context = input.context;
    if (input.enabled !== undefined) instance.enabled = input.enabled;
    if (input.content !== undefined) {
      if (instance.path) throw ValidationFailedError.field('content', 'This instance applies a file; its content cannot be set.');
      this.setSource(instance, '', input.content);
    }
    const saved = await this.instances.save(instance).catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(saved));
    return serializeInstance(saved);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const instance = await this.require(id);
    await this.instances.delete(id);
    await this.events.modelDeleted(actor, ref(instance));
  }

  /** Applies an instance now and records the outcome; a failure is recorded, then reported. */
  async apply(id: string): Promise<InstanceRead> {
    const instance = await this.require(id);
    await this.applyInstance(instance);
    return serializeInstance(instance);
  }

  /** Finds blueprint files, creates instances for new ones, and applies changed ones; says what it applied. */
  async discover(): Promise<DiscoveryReport> {
    const report: DiscoveryReport = { files: 0, applied: [], failed: [] };
    const available = this.available();
    report.files = available.length;
    this.options.logger.debug({ files: available.length }, 'discovering blueprints');
    for (const file of available) {
      if (file.meta.labels[LABEL_INSTANTIATE] === 'false') continue;
      let instance = await this.instances.findByPath(file.path);
      if (!instance) {
        instance = Object.assign(new BlueprintInstanceEntity(), {
          name: file.meta.name,
          path: file.path,
          content: '',
          context: {},
          enabled: true,
          metadata: file.meta,
        });
        instance = await this.instances.save(instance).catch(() => null);
        if (!instance) continue; // another replica created it, or the name is taken
      }
      if (instance.enabled && instance.lastAppliedHash !== file.hash) {
        await this.applyInstance(instance);
        if (instance.status === 'successful') report.applied.push(instance.name);
        else report.failed.push(`${instance.name}: ${instance.lastError}`);
      }
    }
    return report;
  }

  private async applyInstance(instance: BlueprintInstanceEntity): Promise<ApplyResult | null> {
    let result: ApplyResult | null = null;
    let hash = '';
    try {
      if (instance.path) {
        const file = this.resolve(instance.path);
        if (!file) {
          instance.status = 'orphaned';
          instance.lastError = `the file ${instance.path} is no longer in any blueprint folder`;
          await this.instances.save(instance);
          return null;
        }
        hash = sha256(readFileSync(file, 'utf8'));
        result = await this.blueprints.applyFile(file, { context: instance.context });
      } else {
        hash = sha256(instance.content);
        result = await this.blueprints.applyContent(instance.content, instance.name, { context: instance.context });
      }
      instance.status = 'successful';
      instance.lastError = '';
      instance.metadata = { name: result.name, labels: instance.metadata?.labels ?? {} };
      instance.managedModels = collectManaged(result);
    } catch (error) {
      instance.status = 'error';
      instance.lastError = error instanceof BlueprintError ? error.message : 'internal error';
      if (!(error instanceof BlueprintError)) this.options.logger.error({ err: error, instance: instance.name }, 'blueprint failed');
    }
    instance.lastApplied = new Date();
    instance.lastAppliedHash = hash;
    await this.instances.save(instance);
    return result;
  }

  private setSource(instance: BlueprintInstanceEntity, path: string, content: string): void {
    if (path) {
      if (isAbsolute(path) || path.split(/[\\/]/).includes('..') || !this.resolve(path)) {
        throw ValidationFailedError.field('path', 'This is not one of the available blueprint files.');
      }
      const meta = parseBlueprint(readFileSync(this.resolve(path) as string, 'utf8'), path).metadata;
      Object.assign(instance, { path, content: '', metadata: meta });
      return;
    }
    try {
      Object.assign(instance, { path: '', content, metadata: parseBlueprint(content).metadata });
    } catch (error) {
      throw ValidationFailedError.field('content', (error as Error).message);
    }
  }

  private resolve(path: string): string | null {
    for (const root of this.blueprints.roots()) {
      const file = join(root, path);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return null;
  }

  private async require(id: string): Promise<BlueprintInstanceEntity> {
    const instance = await this.instances.findById(id);
    if (!instance) throw new NotFoundError();
    return instance;
  }
}

function collectManaged(result: ApplyResult): string[] {
  const managed = result.outcomes.filter((o) => o.pk !== undefined && o.action !== 'deleted').map((o) => `${o.model}:${String(o.pk)}`);
  return [...managed, ...result.included.flatMap(collectManaged)];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function serializeInstance(i: BlueprintInstanceEntity): InstanceRead {
  return {
    pk: i.id,
    name: i.name,
    path: i.path,
    content: i.content,
    context: i.context,
    metadata: i.metadata ?? {},
    enabled: i.enabled,
    status: i.status,
    last_applied: i.lastApplied?.toISOString() ?? null,
    last_applied_hash: i.lastAppliedHash,
    last_error: i.lastError,
    managed_models: i.managedModels,
  };
}

function ref(i: BlueprintInstanceEntity) {
  return { app: 'authentik_blueprints', model_name: 'blueprintinstance', pk: i.id, name: i.name };
}
