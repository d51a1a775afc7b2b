import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '@authmesh/http';
import { EventPublisher } from './audit/event-publisher.js';
import { TokenPrincipalResolver } from './auth/token-principal.resolver.js';
import { BootstrapRepository } from './bootstrap/bootstrap.repository.js';
import { BootstrapService } from './bootstrap/bootstrap.service.js';
import { CORE_OPTIONS, DATA_SOURCE } from './core.tokens.js';
import type { CoreOptions } from './core.options.js';
import { Transactions } from './database/transactions.js';
import { GroupController } from './groups/group.controller.js';
import { GroupRepository } from './groups/group.repository.js';
import { GroupService } from './groups/group.service.js';
import { IdentityRpc } from './identity-rpc/identity.rpc.js';
import { TokenController } from './tokens/token.controller.js';
import { TokenRepository } from './tokens/token.repository.js';
import { TokenService } from './tokens/token.service.js';
import { UserController } from './users/user.controller.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';

/** Wiring of core's HTTP API and gRPC implementations; no logic lives here. */
@Module({})
export class CoreModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      controllers: [UserController, GroupController, TokenController],
      providers: [
        { provide: CORE_OPTIONS, useValue: options },
        { provide: DATA_SOURCE, useValue: options.dataSource },
        { provide: PRINCIPAL_RESOLVER, useExisting: TokenPrincipalResolver },
        TokenPrincipalResolver,
        Transactions,
        EventPublisher,
        UserRepository,
        UserService,
        GroupRepository,
        GroupService,
        TokenRepository,
        TokenService,
        BootstrapRepository,
        BootstrapService,
        IdentityRpc,
      ],
    };
  }
}

/**
 * Core's HTTP module for building the OpenAPI document without running anything: Nest's
 * preview mode resolves the module graph but instantiates no provider, so the options are
 * never read.
 */
export function coreApiModule(): DynamicModule {
  return CoreModule.register({} as CoreOptions);
}
