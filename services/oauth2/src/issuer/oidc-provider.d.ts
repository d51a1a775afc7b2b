// oidc-provider ships no type declarations; this describes the part of its API authmesh uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContext {
    method: string;
    path: string;
    status: number;
    body: unknown;
    ip: string;
    req: IncomingMessage;
    res: ServerResponse;
    get(header: string): string;
    set(header: string, value: string): void;
    type: string;
    oidc: OidcContext;
  }

  export interface OidcContext {
    route: string;
    client?: { clientId: string };
    params?: Record<string, unknown>;
    body?: Record<string, unknown>;
    entities: Record<string, { destroy?(): Promise<void>; accountId?: string; scope?: string; clientId?: string } | undefined>;
    provider: Provider;
    /** The absolute URL of one of the provider's endpoints (`token`, `userinfo`, ...). */
    urlFor(name: string): string;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id: string; scope?: string };
    session?: { accountId?: string };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): void;
    registerGrantType(name: string, handler: (ctx: KoaContext) => Promise<void>, parameters?: string[]): void;
    on(event: string, listener: (...args: unknown[]) => void): void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    Grant: { new (properties: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
  }

  export const interactionPolicy: {
    base(): { get(name: string): { checks: { add(check: unknown): void } } | undefined };
    Check: {
      new (reason: string, description: string, check: (ctx: KoaContext) => Promise<boolean> | boolean): unknown;
      REQUEST_PROMPT: boolean;
      NO_NEED_TO_PROMPT: boolean;
    };
  };

  export const errors: Record<string, new (description?: string) => Error> & {
    InvalidGrant: new (description?: string) => Error;
    InvalidScope: new (description: string, scope: string) => Error;
    OIDCProviderError: new (status: number, message: string) => Error;
  };

  export default Provider;
}
