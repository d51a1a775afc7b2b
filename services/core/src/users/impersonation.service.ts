import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import { SessionRepository } from '../sessions/session.repository.js';
import type { UserRead } from './user.dto.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

/**
 * Impersonation: a superuser's login session switches to another user, so every request of
 * that session (this API and every runtime that checks the session) acts as that user,
 * while the session remembers the admin, who can switch back.
 */
@Injectable()
export class ImpersonationService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly userService: UserService,
    private readonly events: EventPublisher,
  ) {}

  /** The caller's own account, and while impersonating, the admin behind it (`original`). */
  async me(actor: Actor): Promise<{ user: UserRead; original?: UserRead }> {
    const { user } = await this.userService.me(actor);
    const session = actor.principal.sessionId ? await this.sessions.findById(actor.principal.sessionId) : null;
    const admin = session?.impersonatorId ? await this.users.findById(session.impersonatorId) : null;
    return admin ? { user, original: await this.userService.serialize(admin) } : { user };
  }

  /** Starts impersonating `targetId` in the caller's session (the route allows superusers only). */
  async start(actor: Actor, targetId: number, reason: string): Promise<void> {
    const sessionId = actor.principal.sessionId;
    if (!sessionId) throw ValidationFailedError.field('non_field_errors', 'Impersonation needs a browser session, not an API token.');
    const self = Number(actor.principal.user.pk);
    const target = await this.users.findById(targetId);
    if (!target) throw new NotFoundError();
    if (target.id === self) throw ValidationFailedError.field('non_field_errors', 'You cannot impersonate yourself.');
    if (!target.isActive) throw ValidationFailedError.field('non_field_errors', 'An inactive user cannot be impersonated.');
    const session = await this.sessions.findById(sessionId);
    if (!session) throw new NotFoundError();
    if (session.impersonatorId) throw ValidationFailedError.field('non_field_errors', 'End the current impersonation first.');
    await this.sessions.setUser(sessionId, target.id, self);
    await this.events.emit('impersonation_started', actor, {
      user: { pk: target.id, username: target.username, email: target.email },
      ...(reason ? { reason } : {}),
    });
  }

  /** Gives the session back to the admin who started impersonating; an error when nobody is being impersonated. */
  async end(actor: Actor): Promise<void> {
    const sessionId = actor.principal.sessionId;
    const session = sessionId ? await this.sessions.findById(sessionId) : null;
    if (!session?.impersonatorId) throw ValidationFailedError.field('non_field_errors', 'You are not impersonating anyone.');
    const admin = await this.users.findById(session.impersonatorId);
    if (!admin) throw new NotFoundError();
    await this.sessions.setUser(session.id, admin.id, null);
    await this.events.emit(
      'impersonation_ended',
      { ...actor, principal: { user: { pk: String(admin.id), username: admin.username, email: admin.email, isSuperuser: false } } },
      { user: { pk: session.userId, username: actor.principal.user.username, email: actor.principal.user.email } },
    );
  }
}
