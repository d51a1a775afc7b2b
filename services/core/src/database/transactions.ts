import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { uniqueViolation } from '@authmesh/db';
import { ValidationFailedError } from '@authmesh/runtime';
import { DATA_SOURCE } from '../core.tokens.js';

/** The transaction the current asynchronous call chain runs in, if any. */
const ambient = new AsyncLocalStorage<EntityManager>();

/**
 * The EntityManager a repository should use: an explicit transaction, else the one the
 * caller is running in (a blueprint applies many services' writes in one), else the pool.
 */
export function managerFor(dataSource: DataSource, tx?: EntityManager): EntityManager {
  return tx ?? ambient.getStore() ?? dataSource.manager;
}

/** Runs work in one database transaction; services use it, controllers never do. */
@Injectable()
export class Transactions {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Joins the surrounding transaction when there is one, so nested work commits together. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = ambient.getStore();
    if (current) return work(current);
    return this.dataSource.transaction((manager) => ambient.run(manager, () => work(manager)));
  }
}

/** Unique constraints of the core schema and the API field each one protects. */
const UNIQUE_FIELDS: Record<string, [string, string]> = {
  users_username_ci: ['username', 'A user with that username already exists.'],
  groups_name_unique: ['name', 'A group with this name already exists.'],
  tokens_identifier_unique: ['identifier', 'A token with this identifier already exists.'],
  tokens_key_digest_unique: ['key', 'This key is already in use.'],
  brands_domain_unique: ['domain', 'A brand with this domain already exists.'],
  brands_single_default: ['default', 'Another brand is already the default.'],
  certificate_key_pairs_name_unique: ['name', 'A certificate-key pair with this name already exists.'],
  applications_slug_unique: ['slug', 'An application with this slug already exists.'],
  applications_provider_unique: ['provider', 'This provider is already assigned to another application.'],
  providers_name_unique: ['name', 'A provider with this name already exists.'],
  property_mappings_name_unique: ['name', 'A property mapping with this name already exists.'],
  blueprint_instances_name_unique: ['name', 'A blueprint instance with this name already exists.'],
  blueprint_instances_path: ['path', 'Another instance already applies this file.'],
  flows_slug_unique: ['slug', 'A flow with this slug already exists.'],
  stages_name_unique: ['name', 'A stage with this name already exists.'],
  policies_name_unique: ['name', 'A policy with this name already exists.'],
  prompts_name_unique: ['name', 'A prompt with this name already exists.'],
  invitations_name_unique: ['name', 'An invitation with this name already exists.'],
  sources_slug_unique: ['slug', 'A source with this slug already exists.'],
  notification_transports_name_unique: ['name', 'A notification transport with this name already exists.'],
  notification_rules_name_unique: ['name', 'A notification rule with this name already exists.'],
  flow_stage_bindings_unique: ['order', 'This stage is already bound to this flow at this order.'],
};

/** Rethrows a unique violation as a 400 on the field it concerns; other errors pass through. */
export function rethrowUnique(error: unknown): never {
  const violation = uniqueViolation(error);
  if (violation) {
    const [field, message] = UNIQUE_FIELDS[violation.constraint] ?? ['non_field_errors', 'This object already exists.'];
    throw ValidationFailedError.field(field, message);
  }
  throw error;
}
