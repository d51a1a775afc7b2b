import { Inject, Injectable } from '@nestjs/common';
import type { Principal, PrincipalResolver } from '@authmesh/http';
import { EVENTS_OPTIONS } from '../events.tokens.js';
import type { EventsOptions } from '../events.options.js';

/** Resolves API tokens by asking core (the owner of tokens) over gRPC. */
@Injectable()
export class CoreTokenResolver implements PrincipalResolver {
  constructor(@Inject(EVENTS_OPTIONS) private readonly options: EventsOptions) {}

  fromBearerToken(key: string): Promise<Principal | null> {
    return this.options.checkToken(key);
  }
}
