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
}

/** Turns request credentials into a principal; each service supplies its own. */
export interface PrincipalResolver {
  /** Resolves a bearer API token key; null when the key is unknown, expired or not an API token. */
  fromBearerToken(key: string): Promise<Principal | null>;
}

/** Nest injection token for the service's PrincipalResolver. */
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
