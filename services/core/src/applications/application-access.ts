import { Inject, Injectable } from '@nestjs/common';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import type { Actor } from '../audit/actor.js';
import type { ApplicationEntity } from './application.entity.js';

/** How many policy checks run at once for one list. */
const PARALLEL_CHECKS = 8;

/**
 * Which applications a user may open, as the flow executor's policy engine decides by each
 * application's policy bindings. Fails closed: an application whose check errors, times out
 * or cannot be asked at all is left out.
 */
@Injectable()
export class ApplicationAccess {
  constructor(@Inject(CORE_OPTIONS) private readonly options: CoreOptions) {}

  /** The applications (in the given order) whose policies let the actor in. */
  async allowed(actor: Actor, applications: ApplicationEntity[]): Promise<ApplicationEntity[]> {
    const flows = this.options.flows;
    if (!flows) {
      if (applications.length > 0) this.options.logger.warn('application list: no flow executor to check policies; showing none');
      return [];
    }
    const passing = new Array<boolean>(applications.length).fill(false);
    let next = 0;
    const worker = async () => {
      while (next < applications.length) {
        const index = next++;
        const app = applications[index];
        try {
          const answer = await flows.checkApplicationAccess({
            application_pk: app.id,
            policy_engine_mode: app.policyEngineMode,
            user_pk: actor.principal.user.pk,
            client_ip: actor.clientIp,
            host: actor.host,
            user_agent: '',
            context_json: '{}',
          });
          passing[index] = answer.passing === true;
        } catch (error) {
          this.options.logger.warn({ err: (error as Error).message, application: app.slug }, 'application access check failed; hiding it');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, applications.length) }, worker));
    return applications.filter((_app, index) => passing[index]);
  }
}
