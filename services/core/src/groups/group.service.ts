import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique, Transactions } from '../database/transactions.js';
import type { GroupEntity } from './group.entity.js';
import type { GroupFilters, GroupPatch, GroupRead, GroupWrite } from './group.dto.js';
import { GroupRepository } from './group.repository.js';
import { NotificationDependents } from '../notifications/notification-dependents.js';

/** Groups: hierarchy (one parent each, no cycles), membership and superuser status. */
@Injectable()
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
    private readonly notifications: NotificationDependents,
  ) {}

  async list(filters: GroupFilters, query: ListQuery): Promise<Paginated<GroupRead>> {
    const [rows, count] = await this.groups.list(filters, query);
    return paginate(await this.serializeMany(rows), count, query);
  }

  async get(id: string): Promise<GroupRead> {
    return (await this.serializeMany([await this.require(id)]))[0];
  }

  async create(actor: Actor, input: GroupWrite): Promise<GroupRead> {
    const group = await this.transactions
      .run(async (tx) => {
        await this.assertParent(null, input.parent, tx);
        if (input.users) await this.assertUsers(input.users, tx);
        const created = await this.groups.create(
          { name: input.name, parentId: input.parent, isSuperuser: input.is_superuser, attributes: input.attributes },
          tx,
        );
        if (input.users) await this.groups.setMembers(created.id, input.users, tx);
        return created;
      })
      .catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(group));
    return this.get(group.id);
  }

  async update(actor: Actor, id: string, input: GroupPatch): Promise<GroupRead> {
    const group = await this.transactions
      .run(async (tx) => {
        const existing = await this.groups.findById(id, tx);
        if (!existing) throw new NotFoundError();
        if (input.parent !== undefined) {
          await this.assertParent(id, input.parent, tx);
          existing.parentId = input.parent;
        }
        if (input.users !== undefined) {
          await this.assertUsers(input.users, tx);
          await this.groups.setMembers(id, input.users, tx);
        }
        if (input.name !== undefined) existing.name = input.name;
        if (input.is_superuser !== undefined) existing.isSuperuser = input.is_superuser;
        if (input.attributes !== undefined) existing.attributes = input.attributes;
        return this.groups.save(existing, tx);
      })
      .catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(group));
    return this.get(group.id);
  }

  /**
   * Deleting a group that other groups name as parent is refused: silently re-parenting
   * them would change who inherits superuser status.
   */
  async delete(actor: Actor, id: string): Promise<void> {
    const group = await this.require(id);
    const children = await this.groups.children(id);
    if (children.length > 0) {
      throw ValidationFailedError.field(
        'non_field_errors',
        `This group is the parent of ${children.map((c) => `"${c.name}"`).join(', ')}; move or delete those groups first.`,
      );
    }
    const rules = await this.notifications.rulesNotifying(id);
    await this.groups.delete(id);
    await this.events.modelDeleted(actor, ref(group));
    await this.notifications.announceRules(rules);
  }

  async addUser(actor: Actor, id: string, userId: number): Promise<void> {
    const group = await this.require(id);
    await this.assertUsers([userId], undefined, 'pk');
    await this.groups.addMembers(id, [userId]);
    await this.events.modelUpdated(actor, ref(group));
  }

  async removeUser(actor: Actor, id: string, userId: number): Promise<void> {
    const group = await this.require(id);
    await this.assertUsers([userId], undefined, 'pk');
    await this.groups.removeMember(id, userId);
    await this.events.modelUpdated(actor, ref(group));
  }

  private async serializeMany(groups: GroupEntity[]): Promise<GroupRead[]> {
    const members = await this.groups.members(groups.map((g) => g.id));
    const parents = new Map(
      (await this.groups.findByIds([...new Set(groups.map((g) => g.parentId).filter((p): p is string => !!p))])).map((p) => [p.id, p.name]),
    );
    return groups.map((g) => {
      const rows = members.get(g.id) ?? [];
      return {
        pk: g.id,
        name: g.name,
        is_superuser: g.isSuperuser,
        parent: g.parentId,
        parent_name: g.parentId ? (parents.get(g.parentId) ?? null) : null,
        attributes: g.attributes,
        users: rows.map((r) => r.pk),
        users_obj: rows.map((r) => ({ pk: r.pk, username: r.username, name: r.name, email: r.email, is_active: r.is_active })),
      };
    });
  }

  private async require(id: string): Promise<GroupEntity> {
    const group = await this.groups.findById(id);
    if (!group) throw new NotFoundError();
    return group;
  }

  private async assertParent(id: string | null, parent: string | null, tx: EntityManager): Promise<void> {
    if (parent === null) return;
    if ((await this.groups.missing([parent], tx)).length > 0) {
      throw ValidationFailedError.field('parent', `Invalid pk "${parent}" - object does not exist.`);
    }
    if (id !== null && (await this.groups.isSelfOrDescendant(id, parent, tx))) {
      throw ValidationFailedError.field('parent', 'A group cannot be its own parent or the parent of one of its ancestors.');
    }
  }

  private async assertUsers(userIds: number[], tx?: EntityManager, field = 'users'): Promise<void> {
    const missing = await this.groups.missingUsers(userIds, tx);
    if (missing.length > 0) throw ValidationFailedError.field(field, `Invalid pk "${missing[0]}" - object does not exist.`);
  }
}

function ref(group: GroupEntity): ModelRef {
  return { app: 'authentik_core', model_name: 'group', pk: group.id, name: group.name };
}
