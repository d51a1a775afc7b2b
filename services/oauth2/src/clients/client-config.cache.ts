import { GrpcStatus, RpcCallError, type OAuth2ConfigClient, type OAuth2Provider__Output } from '@authmesh/rpc';

/** How long an answer is trusted even without a change announcement (a safety net). */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5000;

/**
 * OAuth2 providers read from core, by client id and by application slug. Cleared on every
 * `authmesh.config.v1.changed`, so a changed secret or redirect URI applies at once.
 * Unknown clients are remembered as unknown only until the next change.
 */
export class ClientConfigCache {
  private readonly entries = new Map<string, { value: OAuth2Provider__Output | null; at: number }>();
  private generation = 0;

  constructor(private readonly core: OAuth2ConfigClient) {}

  byClientId(clientId: string): Promise<OAuth2Provider__Output | null> {
    return this.lookup(`client:${clientId}`, { client_id: clientId });
  }

  byApplicationSlug(slug: string): Promise<OAuth2Provider__Output | null> {
    return this.lookup(`slug:${slug}`, { application_slug: slug });
  }

  /** Forgets everything (on configuration changes). */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  private async lookup(key: string, request: { client_id?: string; application_slug?: string }): Promise<OAuth2Provider__Output | null> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const generation = this.generation;
    const value = await this.core.getOAuth2Provider(request).catch((error: unknown) => {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    });
    // An answer that raced a change announcement is used once but not kept.
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, at: Date.now() });
    }
    return value;
  }
}
