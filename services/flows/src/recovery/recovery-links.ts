import type { SmtpSettings } from '@authmesh/mail';
import { GrpcStatus, RpcCallError, type User__Output } from '@authmesh/rpc';
import { FailedPreconditionError, NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { FlowExecutor } from '../executor/flow-executor.js';
import { sendLinkMail, type MailDelivery } from '../stages/email/email.stage.js';
import type { StageServices } from '../stages/stage-services.js';

/** How long a recovery link works when it is shown to the administrator (the e-mail stage's default). */
export const RECOVERY_LINK_MINUTES = 30;

/** What an administrator asks for: a link for a user, shown or e-mailed through a stage. */
export interface RecoveryLinkRequest {
  userPk: string;
  host: string;
  secure: boolean;
  clientIp: string;
  /** An e-mail stage's UUID: send the link with its settings instead of answering it. */
  emailStagePk?: string;
}

/**
 * Recovery links: one-time links into the brand's recovery flow for a user, for an
 * administrator to hand over or have e-mailed. The flow is planned when the link is made
 * and resumed when it is opened, like an e-mail stage's link.
 */
export class RecoveryLinks {
  constructor(
    private readonly executor: FlowExecutor,
    private readonly services: Pick<StageServices, 'identity' | 'config' | 'externalUrl' | 'logger' | 'emitEvent'>,
    private readonly globalMail: SmtpSettings,
    private readonly send?: MailDelivery,
  ) {}

  async create(request: RecoveryLinkRequest): Promise<{ link: string; flow_slug: string; expires: string }> {
    // The brand is picked by host name: the port goes, an IPv6 literal keeps its brackets' content.
    const host = request.host.startsWith('[') ? request.host.slice(1, request.host.indexOf(']')) : request.host.split(':')[0];
    const slug = await this.recoveryFlow(host);
    const user = await this.user(request.userPk);
    if (!user.is_active) throw new FailedPreconditionError('The user is inactive.');
    const stage = request.emailStagePk ? await this.emailStage(request.emailStagePk) : null;
    if (stage && !user.email) throw new FailedPreconditionError('The user has no email address.');
    const minutes = stage ? Number(stage.settings.token_expiry ?? RECOVERY_LINK_MINUTES) || RECOVERY_LINK_MINUTES : RECOVERY_LINK_MINUTES;

    const { key, expires } = await this.executor.planRecoveryLink(
      slug,
      user.pk,
      { clientIp: request.clientIp, userAgent: '', host: request.host, method: 'GET', path: '', query: '' },
      minutes,
    );
    // A configured public URL wins over the host the administrator's request named.
    const origin = this.services.externalUrl?.replace(/\/+$/, '') ?? `${request.secure ? 'https' : 'http'}://${request.host}`;
    const link = `${origin}/if/flow/${encodeURIComponent(slug)}/?flow_token=${encodeURIComponent(key)}`;
    if (!stage) return { link, flow_slug: slug, expires: expires.toISOString() };

    try {
      const sent = await sendLinkMail(stage.settings, this.globalMail, user, link, minutes, this.send);
      await this.services.emitEvent('email_sent', user, request.clientIp, { to: user.email, ...sent });
    } catch (error) {
      this.services.logger.warn({ err: (error as Error).message, stage: stage.name }, 'recovery e-mail not sent');
      throw new FailedPreconditionError('The e-mail could not be sent. Try again in a moment.');
    }
    return { link: '', flow_slug: slug, expires: expires.toISOString() };
  }

  private async recoveryFlow(host: string): Promise<string> {
    try {
      return await this.services.config.getDefaultFlow('recovery', host);
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND)
        throw new NotFoundError('No recovery flow is configured.');
      throw error;
    }
  }

  private async user(pk: string): Promise<User__Output> {
    if (!/^\d{1,10}$/.test(pk)) throw new NotFoundError('No such user.');
    try {
      return await this.services.identity.getUser({ pk });
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) throw new NotFoundError('No such user.');
      throw error;
    }
  }

  private async emailStage(pk: string): Promise<{ name: string; settings: Record<string, unknown> }> {
    const invalid = () => ValidationFailedError.field('email_stage', 'Not an e-mail stage.');
    if (!/^[0-9a-f-]{36}$/i.test(pk)) throw invalid();
    const stage = await this.services.config.getStage(pk).catch((error: unknown) => {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    });
    if (!stage || stage.type !== 'email') throw invalid();
    return { name: stage.name, settings: JSON.parse(stage.settings_json || '{}') as Record<string, unknown> };
  }
}
