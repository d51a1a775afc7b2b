import { Injectable } from '@nestjs/common';
import { parseOrThrow } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { userPatchSchema, userWriteSchema } from './user.dto.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';
import type { UserEntity } from './user.entity.js';

/** Writes made by flows are recorded as the flow executor acting for the user. */
function flowActor(clientIp: string): Actor {
  return {
    principal: { user: { pk: '0', username: 'authmesh-flows', email: '', isSuperuser: true } },
    clientIp,
    requestId: 'flow',
    host: '',
  };
}

export interface FlowUserWrite {
  userId?: number;
  fields: Record<string, unknown>;
  password: string;
  addGroup: string;
  clientIp: string;
}

/**
 * User changes a flow makes (enrollment, settings, e-mail verification, unenrollment),
 * validated by the same schemas as the admin API. Attributes are merged, not replaced.
 */
@Injectable()
export class FlowUserWriter {
  constructor(
    private readonly users: UserService,
    private readonly rows: UserRepository,
  ) {}

  /** Creates or updates; validation problems are answered as field → messages, with nothing changed. */
  async write(input: FlowUserWrite): Promise<{ user?: UserEntity; errors?: Record<string, string[]> }> {
    const actor = flowActor(input.clientIp);
    try {
      if (input.password.length > 1024) throw ValidationFailedError.field('password', 'Password is too long.');
      const existing = input.userId === undefined ? null : await this.rows.findById(input.userId);
      if (input.userId !== undefined && !existing) throw new NotFoundError('user not found');
      const fields = { ...input.fields };
      if (existing && fields.attributes && typeof fields.attributes === 'object') {
        fields.attributes = { ...existing.attributes, ...(fields.attributes as Record<string, unknown>) };
      }
      const groups = existing ? undefined : input.addGroup ? [input.addGroup] : [];
      const id = existing
        ? (await this.users.update(actor, existing.id, parseOrThrow(userPatchSchema, fields))).pk
        : (await this.users.create(actor, parseOrThrow(userWriteSchema, { ...fields, groups }))).pk;
      if (existing && input.addGroup) {
        const current = (await this.rows.directGroups([existing.id])).get(existing.id) ?? [];
        await this.users.update(actor, existing.id, { groups: [...new Set([...current.map((g) => g.id), input.addGroup])] });
      }
      if (input.password) await this.users.setPassword(actor, Number(id), input.password);
      return { user: (await this.rows.findById(Number(id))) ?? undefined };
    } catch (error) {
      if (error instanceof ValidationFailedError) return { errors: error.fields };
      throw error;
    }
  }

  async delete(userId: number, clientIp: string): Promise<void> {
    await this.users.delete(flowActor(clientIp), userId);
  }
}
