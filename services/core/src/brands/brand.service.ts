import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique } from '../database/transactions.js';
import { FlowRepository } from '../flows/flow.repository.js';
import { BRAND_FLOW_FIELDS, BrandEntity } from './brand.entity.js';
import type { BrandFilters, BrandPatch, BrandRead, BrandWrite } from './brand.dto.js';
import { BrandRepository } from './brand.repository.js';

/** Brands (tenants in the reference UI): per-domain branding and default flows. */
@Injectable()
export class BrandService {
  constructor(
    private readonly brands: BrandRepository,
    private readonly flows: FlowRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: BrandFilters, query: ListQuery): Promise<Paginated<BrandRead>> {
    const [rows, count] = await this.brands.list(filters, query);
    return paginate(rows.map(serializeBrand), count, query);
  }

  async get(id: string): Promise<BrandRead> {
    return serializeBrand(await this.require(id));
  }

  async create(actor: Actor, input: BrandWrite): Promise<BrandRead> {
    return this.write(actor, new BrandEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: BrandPatch): Promise<BrandRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const brand = await this.require(id);
    await this.brands.delete(id);
    await this.events.modelDeleted(actor, ref(brand));
  }

  /** The brand serving `host`, in the public shape the login pages need; flows by slug, as the reference product answers. */
  async current(host: string) {
    const { brand, matchedDomain } = await this.brands.forHost(host);
    const read = serializeBrand(brand ?? Object.assign(new BrandEntity(), defaultsForMissingBrand()));
    const slugs = await this.flows.slugsOf(
      BRAND_FLOW_FIELDS.map((field) => read[field]).filter((id): id is string => typeof id === 'string'),
    );
    const settings = read.attributes['settings'];
    return {
      matched_domain: matchedDomain,
      branding_title: read.branding_title,
      branding_logo: read.branding_logo,
      branding_favicon: read.branding_favicon,
      ui_footer_links: [],
      ...Object.fromEntries(BRAND_FLOW_FIELDS.map((field) => [field, slugs.get(read[field] ?? '') ?? null])),
      default_locale: settings && typeof settings === 'object' ? String((settings as { locale?: unknown }).locale ?? '') : '',
    };
  }

  private async write(actor: Actor, brand: BrandEntity, input: BrandPatch, change: 'created' | 'updated'): Promise<BrandRead> {
    for (const field of BRAND_FLOW_FIELDS) {
      const flow = input[field];
      if (flow && (await this.flows.missing([flow])).length > 0)
        throw ValidationFailedError.field(field, `Invalid pk "${flow}" - object does not exist.`);
    }
    if (input.web_certificate && !(await this.brands.certificateExists(input.web_certificate))) {
      throw ValidationFailedError.field('web_certificate', `Invalid pk "${input.web_certificate}" - object does not exist.`);
    }
    if (input.domain !== undefined) brand.domain = input.domain;
    if (input.default !== undefined) brand.isDefault = input.default;
    if (input.branding_title !== undefined) brand.brandingTitle = input.branding_title;
    if (input.branding_logo !== undefined) brand.brandingLogo = input.branding_logo;
    if (input.branding_favicon !== undefined) brand.brandingFavicon = input.branding_favicon;
    if (input.flow_authentication !== undefined) brand.flowAuthentication = input.flow_authentication;
    if (input.flow_invalidation !== undefined) brand.flowInvalidation = input.flow_invalidation;
    if (input.flow_recovery !== undefined) brand.flowRecovery = input.flow_recovery;
    if (input.flow_unenrollment !== undefined) brand.flowUnenrollment = input.flow_unenrollment;
    if (input.flow_user_settings !== undefined) brand.flowUserSettings = input.flow_user_settings;
    if (input.flow_device_code !== undefined) brand.flowDeviceCode = input.flow_device_code;
    if (input.event_retention !== undefined) brand.eventRetention = input.event_retention;
    if (input.web_certificate !== undefined) brand.webCertificateId = input.web_certificate;
    if (input.attributes !== undefined) brand.attributes = input.attributes;
    const saved = await this.brands.save(brand).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return serializeBrand(saved);
  }

  private async require(id: string): Promise<BrandEntity> {
    const brand = await this.brands.findById(id);
    if (!brand) throw new NotFoundError();
    return brand;
  }
}

function defaultsForMissingBrand(): Partial<BrandEntity> {
  return {
    brandingTitle: 'authmesh',
    brandingLogo: '/static/dist/assets/icons/icon_left_brand.svg',
    brandingFavicon: '/static/dist/assets/icons/icon.png',
    flowAuthentication: null,
    flowInvalidation: null,
    flowRecovery: null,
    flowUnenrollment: null,
    flowUserSettings: null,
    flowDeviceCode: null,
    attributes: {},
  };
}

export function serializeBrand(b: BrandEntity): BrandRead {
  return {
    brand_uuid: b.id,
    domain: b.domain,
    default: b.isDefault,
    branding_title: b.brandingTitle,
    branding_logo: b.brandingLogo,
    branding_favicon: b.brandingFavicon,
    flow_authentication: b.flowAuthentication,
    flow_invalidation: b.flowInvalidation,
    flow_recovery: b.flowRecovery,
    flow_unenrollment: b.flowUnenrollment,
    flow_user_settings: b.flowUserSettings,
    flow_device_code: b.flowDeviceCode,
    event_retention: b.eventRetention,
    web_certificate: b.webCertificateId,
    attributes: b.attributes,
  };
}

function ref(brand: BrandEntity): ModelRef {
  return { app: 'authentik_brands', model_name: 'brand', pk: brand.id, name: brand.domain };
}
