import { Injectable } from '@nestjs/common';
import { BlueprintModelRegistry, type BlueprintModel, type ExportedEntry } from '@authmesh/blueprints';
import { openApiSchema, parseOrThrow, type Paginated } from '@authmesh/http';
import { applicationPatchSchema, applicationWriteSchema } from '../applications/application.dto.js';
import { ApplicationRepository } from '../applications/application.repository.js';
import { ApplicationService } from '../applications/application.service.js';
import { brandPatchSchema, brandWriteSchema } from '../brands/brand.dto.js';
import { BrandRepository } from '../brands/brand.repository.js';
import { BrandService } from '../brands/brand.service.js';
import { certificatePatchSchema, certificateWriteSchema } from '../certificates/certificate-key-pair.dto.js';
import { CertificateKeyPairRepository } from '../certificates/certificate-key-pair.repository.js';
import { CertificateKeyPairService } from '../certificates/certificate-key-pair.service.js';
import { groupPatchSchema, groupWriteSchema } from '../groups/group.dto.js';
import { GroupRepository } from '../groups/group.repository.js';
import { GroupService } from '../groups/group.service.js';
import { setKeySchema, tokenPatchSchema, tokenWriteSchema } from '../tokens/token.dto.js';
import { TokenRepository } from '../tokens/token.repository.js';
import { TokenService } from '../tokens/token.service.js';
import { setPasswordSchema, userPatchSchema, userWriteSchema } from '../users/user.dto.js';
import { UserRepository } from '../users/user.repository.js';
import { UserService } from '../users/user.service.js';
import { take, toWhere } from './identifier-fields.js';
import { BLUEPRINT_ACTOR as actor } from './system-actor.js';

/** What a blueprint entry refers to: the value `!KeyOf` gives, and the key services use. */
export interface BlueprintObject {
  pk: unknown;
  key: string | number;
}

type Model = BlueprintModel<unknown, BlueprintObject>;

/**
 * Core's models as blueprints see them. Every write goes through the same service and the
 * same zod schema as the API, so a blueprint cannot do what the API would refuse. Writes
 * join the transaction the blueprint is applied in.
 */
@Injectable()
export class CoreBlueprintModels {
  constructor(
    private readonly users: UserService,
    private readonly userRows: UserRepository,
    private readonly groups: GroupService,
    private readonly groupRows: GroupRepository,
    private readonly tokens: TokenService,
    private readonly tokenRows: TokenRepository,
    private readonly brands: BrandService,
    private readonly brandRows: BrandRepository,
    private readonly applications: ApplicationService,
    private readonly applicationRows: ApplicationRepository,
    private readonly certificates: CertificateKeyPairService,
    private readonly certificateRows: CertificateKeyPairRepository,
  ) {}

  registry(): BlueprintModelRegistry<unknown> {
    // Registration order is export order: what others refer to comes first.
    return new BlueprintModelRegistry<unknown>()
      .register(this.certificateKeyPair())
      .register(this.group())
      .register(this.user())
      .register(this.token())
      .register(this.brand())
      .register(this.application());
  }

  private user(): Model {
    const name = 'authmesh_core.user';
    const fields = {
      pk: 'id',
      uuid: 'uuid',
      username: 'username',
      email: 'email',
      name: 'name',
      path: 'path',
      type: 'type',
      is_active: 'isActive',
    };
    // The reference product's blueprints set passwords as an attribute; it is hashed, never stored.
    const setPassword = async (pk: number, password: unknown) => {
      if (typeof password === 'string' && password !== '') {
        await this.users.setPassword(actor, pk, parseOrThrow(setPasswordSchema, { password }).password);
      }
    };
    return {
      name,
      aliases: ['authentik_core.user'],
      find: async (_tx, ids) => {
        const user = await this.userRows.findOneBy(toWhere(name, ids, fields));
        return user && { pk: user.id, key: user.id };
      },
      create: async (_tx, data) => {
        const [{ password }, rest] = take(data, ['password']);
        const user = await this.users.create(actor, parseOrThrow(userWriteSchema, rest));
        await setPassword(user.pk, password);
        return { pk: user.pk, key: user.pk };
      },
      update: async (_tx, existing, data) => {
        const [{ password }, rest] = take(data, ['password']);
        await this.users.update(actor, Number(existing.key), parseOrThrow(userPatchSchema, rest));
        await setPassword(Number(existing.key), password);
        return existing;
      },
      delete: (_tx, existing) => this.users.delete(actor, Number(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(userWriteSchema),
      export: () => this.exportUser(),
    };
  }

  private group(): Model {
    const name = 'authmesh_core.group';
    const fields = { pk: 'id', name: 'name', is_superuser: 'isSuperuser', parent: 'parentId' };
    return {
      name,
      aliases: ['authentik_core.group'],
      find: async (_tx, ids) => {
        const group = await this.groupRows.findOneBy(toWhere(name, ids, fields));
        return group && { pk: group.id, key: group.id };
      },
      create: async (_tx, data) => {
        const group = await this.groups.create(actor, parseOrThrow(groupWriteSchema, data));
        return { pk: group.pk, key: group.pk };
      },
      update: async (_tx, existing, data) => {
        await this.groups.update(actor, String(existing.key), parseOrThrow(groupPatchSchema, data));
        return existing;
      },
      delete: (_tx, existing) => this.groups.delete(actor, String(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(groupWriteSchema),
      export: () => this.exportGroup(),
    };
  }

  private token(): Model {
    const name = 'authmesh_core.token';
    const fields = {
      pk: 'id',
      identifier: 'identifier',
      intent: 'intent',
      user: 'userId',
      expiring: 'expiring',
      managed: 'managed',
      description: 'description',
    };
    const setKey = async (identifier: string, key: unknown) => {
      if (typeof key === 'string' && key !== '') await this.tokens.setKey(actor, identifier, parseOrThrow(setKeySchema, { key }).key);
    };
    return {
      name,
      aliases: ['authentik_core.token'],
      find: async (_tx, ids) => {
        const token = await this.tokenRows.findOneBy(toWhere(name, ids, fields));
        return token && { pk: token.id, key: token.identifier };
      },
      create: async (_tx, data) => {
        const [{ key }, rest] = take(data, ['key']);
        const token = await this.tokens.create(actor, parseOrThrow(tokenWriteSchema, rest));
        await setKey(token.identifier, key);
        return { pk: token.pk, key: token.identifier };
      },
      update: async (_tx, existing, data) => {
        const [{ key }, rest] = take(data, ['key', 'identifier', 'intent', 'user']);
        await this.tokens.update(actor, String(existing.key), parseOrThrow(tokenPatchSchema, rest));
        await setKey(String(existing.key), key);
        return existing;
      },
      delete: (_tx, existing) => this.tokens.delete(actor, String(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(tokenWriteSchema),
      export: () => this.exportToken(),
    };
  }

  private brand(): Model {
    const name = 'authmesh_brands.brand';
    const fields = {
      pk: 'id',
      brand_uuid: 'id',
      tenant_uuid: 'id',
      domain: 'domain',
      default: 'isDefault',
      branding_title: 'brandingTitle',
    };
    return {
      name,
      // Brands are what the reference product called tenants in 2023.10.
      aliases: ['authentik_tenants.tenant', 'authentik_brands.brand'],
      find: async (_tx, ids) => {
        const brand = await this.brandRows.findOneBy(toWhere(name, ids, fields));
        return brand && { pk: brand.id, key: brand.id };
      },
      create: async (_tx, data) => {
        const brand = await this.brands.create(actor, parseOrThrow(brandWriteSchema, data));
        return { pk: brand.brand_uuid, key: brand.brand_uuid };
      },
      update: async (_tx, existing, data) => {
        await this.brands.update(actor, String(existing.key), parseOrThrow(brandPatchSchema, data));
        return existing;
      },
      delete: (_tx, existing) => this.brands.delete(actor, String(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(brandWriteSchema),
      export: () => this.exportBrand(),
    };
  }

  private application(): Model {
    const name = 'authmesh_core.application';
    const fields = { pk: 'id', slug: 'slug', name: 'name', group: 'group' };
    return {
      name,
      aliases: ['authentik_core.application'],
      find: async (_tx, ids) => {
        const app = await this.applicationRows.findOneBy(toWhere(name, ids, fields));
        return app && { pk: app.id, key: app.slug };
      },
      create: async (_tx, data) => {
        const app = await this.applications.create(actor, parseOrThrow(applicationWriteSchema, data));
        return { pk: app.pk, key: app.slug };
      },
      update: async (_tx, existing, data) => {
        const app = await this.applications.update(actor, String(existing.key), parseOrThrow(applicationPatchSchema, data));
        return { pk: app.pk, key: app.slug };
      },
      delete: (_tx, existing) => this.applications.delete(actor, String(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(applicationWriteSchema),
      export: () => this.exportApplication(),
    };
  }

  private certificateKeyPair(): Model {
    const name = 'authmesh_crypto.certificatekeypair';
    const fields = { pk: 'id', name: 'name', managed: 'managed' };
    return {
      name,
      aliases: ['authentik_crypto.certificatekeypair'],
      find: async (_tx, ids) => {
        const pair = await this.certificateRows.findOneBy(toWhere(name, ids, fields));
        return pair && { pk: pair.id, key: pair.id };
      },
      create: async (_tx, data) => {
        const pair = await this.certificates.create(actor, parseOrThrow(certificateWriteSchema, data));
        return { pk: pair.pk, key: pair.pk };
      },
      update: async (_tx, existing, data) => {
        await this.certificates.update(actor, String(existing.key), parseOrThrow(certificatePatchSchema, data));
        return existing;
      },
      delete: (_tx, existing) => this.certificates.delete(actor, String(existing.key)),
      pk: (object) => object.pk,
      schema: openApiSchema(certificateWriteSchema),
      export: () => this.exportCertificateKeyPair(),
    };
  }

  private async exportCertificateKeyPair(): Promise<ExportedEntry[]> {
    const pairs = await everyPage((page) => this.certificates.list({}, page));
    const entries: ExportedEntry[] = [];
    for (const pair of pairs) {
      // The private key stays out of exports; re-applying leaves the stored key in place.
      const { data } = await this.certificates.viewCertificate(pair.pk);
      entries.push({ id: `certificatekeypair-${pair.pk}`, identifiers: { name: pair.name }, attrs: { certificate_data: data } });
    }
    return entries;
  }

  private async exportGroup(): Promise<ExportedEntry[]> {
    const groups = await everyPage((page) => this.groups.list({}, page));
    // Parents before their children, so the file applies from top to bottom.
    const ordered: typeof groups = [];
    const placed = new Set<string | null>([null]);
    while (ordered.length < groups.length) {
      const ready = groups.filter((g) => !ordered.includes(g) && placed.has(g.parent));
      if (ready.length === 0) break;
      for (const g of ready) {
        ordered.push(g);
        placed.add(g.pk);
      }
    }
    return ordered.map((g) => ({
      id: `group-${g.pk}`,
      identifiers: { name: g.name },
      attrs: { is_superuser: g.is_superuser, parent: g.parent, attributes: g.attributes },
    }));
  }

  private async exportUser(): Promise<ExportedEntry[]> {
    const users = await everyPage((page) => this.users.list({}, page));
    // Passwords are never exported; re-applying leaves them as they are.
    return users.map((u) => ({
      id: `user-${u.pk}`,
      identifiers: { username: u.username },
      attrs: {
        name: u.name,
        email: u.email,
        is_active: u.is_active,
        type: u.type,
        path: u.path,
        attributes: u.attributes,
        groups: u.groups,
      },
    }));
  }

  private async exportToken(): Promise<ExportedEntry[]> {
    const tokens = await everyPage((page) => this.tokens.list(actor, {}, page));
    const now = Date.now();
    // Keys stay out; managed and already expired tokens are left out, as they cannot be re-applied.
    return tokens
      .filter((t) => !t.managed && (!t.expiring || (t.expires && new Date(t.expires).getTime() > now)))
      .map((t) => ({
        id: `token-${t.pk}`,
        identifiers: { identifier: t.identifier },
        attrs: { intent: t.intent, user: t.user, description: t.description, expiring: t.expiring, expires: t.expires },
      }));
  }

  private async exportBrand(): Promise<ExportedEntry[]> {
    const brands = await everyPage((page) => this.brands.list({}, page));
    return brands.map(({ brand_uuid, domain, ...attrs }) => ({ id: `brand-${brand_uuid}`, identifiers: { domain }, attrs }));
  }

  private async exportApplication(): Promise<ExportedEntry[]> {
    const apps = await everyPage((page) => this.applications.list({}, page));
    return apps.map((a) => ({
      id: `application-${a.pk}`,
      identifiers: { slug: a.slug },
      attrs: {
        name: a.name,
        group: a.group,
        provider: a.provider,
        meta_launch_url: a.meta_launch_url,
        meta_icon: a.meta_icon,
        meta_description: a.meta_description,
        meta_publisher: a.meta_publisher,
        open_in_new_tab: a.open_in_new_tab,
        policy_engine_mode: a.policy_engine_mode,
      },
    }));
  }
}

/** Every result of a paginated list. */
async function everyPage<T>(list: (page: { page: number; page_size: number }) => Promise<Paginated<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list({ page, page_size: 1000 });
    all.push(...result.results);
    if (!result.pagination.next) return all;
  }
}
