import { Inject, Injectable } from '@nestjs/common';
import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { NotFoundError, UnavailableError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { StageRepository } from '../stages/stage.repository.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

/** Where the administrator works: the host picks the brand and is the link's host. */
export interface LinkOrigin {
  host: string;
  secure: boolean;
}

const NO_RECOVERY_FLOW = 'No recovery flow is configured.';

/**
 * Recovery links for a user, made by an administrator: a one-time link into the brand's
 * recovery flow, shown once or e-mailed through an e-mail stage. The flows service plans
 * the flow and keeps the token; core checks the user and the stage and records the action.
 */
@Injectable()
export class RecoveryLinkService {
  constructor(
    private readonly users: UserRepository,
    private readonly stages: StageRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /**
   * Makes a link and answers it. Recorded as a `secret_view` event (whoever holds the link
   * can take over the account), as is an e-mailed link, with `delivery` telling them apart.
   */
  async create(actor: Actor, id: number, origin: LinkOrigin): Promise<{ link: string }> {
    const user = await this.recoverable(id);
    const answer = await this.onExecutor(actor, user, origin, '');
    await this.events.emit('secret_view', actor, { recovery_link: userRef(user), delivery: 'shown', expires: answer.expires });
    return { link: answer.link };
  }

  /** E-mails a link to the user with the e-mail stage's settings; the flows service also records its `email_sent` event. */
  async email(actor: Actor, id: number, emailStage: string, origin: LinkOrigin): Promise<void> {
    const user = await this.recoverable(id);
    if (!(await this.stages.findById(emailStage, 'email'))) {
      throw ValidationFailedError.field('email_stage', 'No e-mail stage with this id.');
    }
    if (!user.email) throw ValidationFailedError.field('non_field_errors', 'The user has no email address.');
    const answer = await this.onExecutor(actor, user, origin, emailStage);
    await this.events.emit('secret_view', actor, {
      recovery_link: userRef(user),
      delivery: 'email',
      email_stage: emailStage,
      expires: answer.expires,
    });
  }

  private async recoverable(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError();
    if (!user.isActive) throw ValidationFailedError.field('non_field_errors', 'The user is inactive.');
    // Service accounts log in with tokens, never through a flow: a recovery flow would only give them a password.
    if (user.type === 'service_account' || user.type === 'internal_service_account') {
      throw ValidationFailedError.field('non_field_errors', 'Service accounts have no password to recover.');
    }
    return user;
  }

  private async onExecutor(actor: Actor, user: UserEntity, origin: LinkOrigin, emailStage: string) {
    const client = this.options.flows;
    if (!client) throw new UnavailableError('The flow executor is not reachable from here.');
    try {
      return await client.createRecoveryLink({
        user_pk: String(user.id),
        host: origin.host,
        secure: origin.secure,
        email_stage_pk: emailStage,
        client_ip: actor.clientIp,
      });
    } catch (error) {
      if (!(error instanceof RpcCallError)) throw error;
      if (error.status === GrpcStatus.NOT_FOUND) throw new NotFoundError(NO_RECOVERY_FLOW);
      if (error.status === GrpcStatus.FAILED_PRECONDITION) throw ValidationFailedError.field('non_field_errors', error.details);
      if (error.status === GrpcStatus.INVALID_ARGUMENT) throw ValidationFailedError.field('email_stage', error.details);
      throw new UnavailableError('The flow executor did not answer.');
    }
  }
}

function userRef(user: UserEntity) {
  return { app: 'authentik_core', model_name: 'user', pk: user.id, name: user.username };
}
