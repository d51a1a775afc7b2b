/** The authenticated caller of an API request. */
export interface Principal {
  user: {
    pk: string;
    username: string;
    email: string;
    isSuperuser: boolean;
  };
  /** Identifier of the API token used, when the request was token-authenticated. */
  tokenIdentifier?: string;
  /** The login session's UUID, when the request was cookie-authenticated. */
  sessionId?: string;
  /** The admin behind the session while they impersonate `user`. */
  impersonator?: { pk: string; username: string; email: string };
}

/** Turns request credentials into a principal; each service supplies its own. */
export interface PrincipalResolver {
  /** Resolves a bearer API token key; null when the key is unknown, expired or not an API token. */
  fromBearerToken(key: string): Promise<Principal | null>;
  /** Resolves a login session key from the session cookie; null when unknown, expired or its user inactive. */
  fromSessionKey?(key: string, client: { ip: string; userAgent: string }): Promise<Principal | null>;
}

/** Nest injection token for the service's PrincipalResolver. */
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
