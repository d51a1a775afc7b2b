import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { EventPublisher } from '../audit/event-publisher.js';
import { BUILTIN_BLUEPRINTS_DIR } from '../blueprints/blueprint-files.js';
import { BlueprintService } from '../blueprints/blueprint.service.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { Transactions } from '../database/transactions.js';
import { BootstrapRepository } from './bootstrap.repository.js';

export const BOOTSTRAP_BLUEPRINT = join(BUILTIN_BLUEPRINTS_DIR, 'system', 'bootstrap.yaml');

/**
 * First-start setup: applies the built-in bootstrap blueprint (admin user, superuser group,
 * optional API token) once per installation. The claim on core.bootstrap and the blueprint
 * commit together, so two processes starting at once cannot both run it, and later starts
 * change nothing, even when the bootstrap settings change or the admin was deleted.
 */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly state: BootstrapRepository,
    private readonly blueprints: BlueprintService,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async run(): Promise<boolean> {
    const { config, logger } = this.options;
    const { result: done, release } = await this.events.holdUntilDone(() =>
      this.transactions.run(async (tx) => {
        if (!(await this.state.claim(tx))) return false;
        // Settings may come from the YAML configuration file, not only the environment.
        await this.blueprints.applyFile(BOOTSTRAP_BLUEPRINT, {
          context: {
            email: config.bootstrap_email ?? '',
            password: config.bootstrap_password ?? null,
            token: config.bootstrap_token ?? null,
          },
        });
        return true;
      }),
    );
    await release();
    if (done) {
      logger.info({ token: !!config.bootstrap_token, password: !!config.bootstrap_password }, 'bootstrap completed');
      if (!config.bootstrap_password) logger.warn('AUTHMESH_BOOTSTRAP_PASSWORD was not set: akadmin has no password');
    }
    return done;
  }
}
