import type { ServiceName } from '@authmesh/config';
import type { ServiceDefinition } from '@authmesh/runtime';
import { UsageError } from './usage-error.js';
import { coreService } from '@authmesh/service-core';
import { eventsService } from '@authmesh/service-events';
import { flowsService } from '@authmesh/service-flows';
import { gatewayService } from '@authmesh/service-gateway';
import { oauth2Service } from '@authmesh/service-oauth2';

/** Every service this binary can run, in start order (core first, gateway last). */
export const SERVICES: ReadonlyArray<ServiceDefinition> = [coreService, eventsService, flowsService, oauth2Service, gatewayService];

/** Parses `--target core,events` into service definitions, refusing unknown names. */
export function selectServices(targets: string | undefined): ServiceDefinition[] {
  if (!targets || targets === 'all') return [...SERVICES];
  const names = targets
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const known = new Set(SERVICES.map((s) => s.name));
  const unknown = names.filter((n) => !known.has(n as ServiceName));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`unknown --target ${unknown.join(', ') || '(empty)'}; choose from ${[...known].join(', ')}`);
  }
  return SERVICES.filter((s) => names.includes(s.name));
}
