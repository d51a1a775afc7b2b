import type { OidcModelRepository } from '../storage/oidc-model.repository.js';

const MODEL = 'AuthmeshSubject';
/** Subjects are remembered for a year after their last login; a grant cannot outlive that in practice. */
const KEEP_SECONDS = 365 * 24 * 3600;

/**
 * Which user a provider's subject (`sub`) stands for. oidc-provider knows users only by the
 * subject it puts in tokens; hashed subjects cannot be reversed, so the mapping is stored
 * when the user authorizes.
 */
export class SubjectDirectory {
  constructor(private readonly models: OidcModelRepository) {}

  async remember(clientId: string, subject: string, userPk: string): Promise<void> {
    await this.models.upsert(MODEL, `${clientId}:${subject}`, { userPk }, KEEP_SECONDS);
  }

  async userOf(clientId: string, subject: string): Promise<string | null> {
    const found = await this.models.find(MODEL, 'id', `${clientId}:${subject}`);
    return typeof found?.userPk === 'string' ? found.userPk : null;
  }
}
