import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from '@authmesh/http';

/**
 * The OAuth2 runtime's Nest shell: it has no controllers (oidc-provider serves the protocol
 * as middleware), only what the shared HTTP conventions need.
 */
@Module({})
export class OAuth2Module {
  static register(principals: PrincipalResolver): DynamicModule {
    return { module: OAuth2Module, providers: [{ provide: PRINCIPAL_RESOLVER, useValue: principals }] };
  }
}
