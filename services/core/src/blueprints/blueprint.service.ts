import { Inject, Injectable } from '@nestjs/common';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  applyBlueprint,
  blueprintJsonSchema,
  BlueprintError,
  parseBlueprint,
  type ApplyResult,
  type LoadedBlueprint,
} from '@authmesh/blueprints';
import { EventPublisher } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { Transactions } from '../database/transactions.js';
import { BlueprintFiles, BUILTIN_BLUEPRINTS_DIR } from './blueprint-files.js';
import { CoreBlueprintModels } from './core-blueprint-models.js';

export interface ApplyBlueprintOptions {
  /** Values that replace the blueprint's context. */
  context?: Record<string, unknown>;
  /** Check everything against the database, then roll back. */
  dryRun?: boolean;
  /** Where meta entries look for other blueprints (besides the file's own folder). */
  roots?: string[];
}

/** Thrown inside the transaction to undo a dry run; never leaves this file. */
class RollBack extends Error {
  constructor(readonly result: ApplyResult) {
    super('dry run');
  }
}

/**
 * Applies blueprints in one database transaction: every entry or none. Events of the
 * changes are published only after the transaction committed.
 */
@Injectable()
export class BlueprintService {
  constructor(
    private readonly models: CoreBlueprintModels,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** Folders blueprints are discovered in and meta entries search: built-in, then configured. */
  roots(): string[] {
    return [BUILTIN_BLUEPRINTS_DIR, ...(this.options.config.blueprints_dir ? [resolve(this.options.config.blueprints_dir)] : [])];
  }

  async applyFile(file: string, options: ApplyBlueprintOptions = {}): Promise<ApplyResult> {
    const files = BlueprintFiles.around(file, options.roots ?? this.roots());
    return this.apply(files.read(file), files, options);
  }

  /** Applies blueprint text that is not a file (an instance's inline content). */
  async applyContent(text: string, name: string, options: ApplyBlueprintOptions = {}): Promise<ApplyResult> {
    const files = new BlueprintFiles(options.roots ?? this.roots());
    return this.apply({ key: `inline:${name}`, file: name, blueprint: parseBlueprint(text, name) }, files, options);
  }

  /** Every exportable object as one blueprint that re-applies to the same state (no secrets). */
  async exportYaml(): Promise<string> {
    const entries: unknown[] = [];
    for (const model of this.models.registry().models()) {
      if (!model.export) continue;
      for (const entry of await model.export(null))
        entries.push({ model: model.name, id: entry.id, identifiers: entry.identifiers, attrs: entry.attrs });
    }
    const blueprint = { version: 1, metadata: { name: `authmesh export ${new Date().toISOString()}`, labels: {} }, entries };
    return `# Exported by authmesh. Secrets (passwords, token keys, private keys) are not included.\n${stringify(blueprint)}`;
  }

  /** JSON schema of the blueprint format for the models this installation has. */
  jsonSchema(): Record<string, unknown> {
    return blueprintJsonSchema(this.models.registry());
  }

  private async apply(loaded: LoadedBlueprint, files: BlueprintFiles, options: ApplyBlueprintOptions): Promise<ApplyResult> {
    const registry = this.models.registry();
    const run = () =>
      this.transactions.run(async () => {
        const result = await applyBlueprint(loaded.blueprint, {
          tx: null,
          registry,
          env: this.options.blueprintEnv,
          context: options.context,
          file: loaded.file,
          stack: [loaded.key],
          loadBlueprint: (query) => files.find(query),
        });
        if (options.dryRun) throw new RollBack(result);
        return result;
      });
    try {
      const { result, release } = await this.events.holdUntilDone(run);
      await release();
      this.options.logger.info({ blueprint: result.name, file: loaded.file, outcomes: summarize(result) }, 'blueprint applied');
      return result;
    } catch (error) {
      if (error instanceof RollBack) return error.result;
      if (error instanceof BlueprintError) throw error;
      throw new BlueprintError((error as Error).message, { file: loaded.file });
    }
  }
}

function summarize(result: ApplyResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of result.outcomes) counts[outcome.action] = (counts[outcome.action] ?? 0) + 1;
  return counts;
}
