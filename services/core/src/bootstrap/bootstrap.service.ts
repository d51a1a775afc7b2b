import { Inject, Injectable } from '@nestjs/common';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { Transactions } from '../database/transactions.js';
import { GroupRepository } from '../groups/group.repository.js';
import { TokenService } from '../tokens/token.service.js';
import { UserRepository } from '../users/user.repository.js';
import { BootstrapRepository } from './bootstrap.repository.js';

export const BOOTSTRAP_USERNAME = 'akadmin';
export const BOOTSTRAP_GROUP = 'authmesh Admins';
export const BOOTSTRAP_TOKEN_IDENTIFIER = 'authmesh-bootstrap-token';

/**
 * First-start setup: the admin user, the superuser group and, when configured, an API
 * token. It runs once per installation (recorded in core.bootstrap), under a lock so
 * that two processes starting together cannot both run it; later starts change nothing,
 * even when the bootstrap variables change or the admin was deleted.
 */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly state: BootstrapRepository,
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async run(): Promise<boolean> {
    const { config, logger, passwords } = this.options;
    const done = await this.transactions.run(async (tx) => {
      if (!(await this.state.claim(tx))) return false;
      let group = await this.groups.findByName(BOOTSTRAP_GROUP, tx);
      group ??= await this.groups.create({ name: BOOTSTRAP_GROUP, isSuperuser: true }, tx);
      let user = await this.users.findByUsername(BOOTSTRAP_USERNAME, tx);
      user ??= await this.users.create(
        {
          username: BOOTSTRAP_USERNAME,
          name: 'authmesh Default Admin',
          email: config.bootstrap_email ?? '',
          type: 'internal',
          path: 'users',
        },
        tx,
      );
      if (config.bootstrap_password) {
        user.password = await passwords.hash(config.bootstrap_password);
        user.passwordChangeDate = new Date();
        await this.users.save(user, tx);
      }
      await this.groups.addMembers(group.id, [user.id], tx);
      if (config.bootstrap_token) {
        await this.tokens.issue(
          {
            identifier: BOOTSTRAP_TOKEN_IDENTIFIER,
            intent: 'api',
            userId: user.id,
            description: 'API token created from AUTHMESH_BOOTSTRAP_TOKEN at first start',
            expiring: false,
            expires: null,
            managed: 'goauthentik.io/token/bootstrap',
            key: config.bootstrap_token,
          },
          tx,
        );
      }
      return true;
    });
    if (done) {
      logger.info(
        { user: BOOTSTRAP_USERNAME, group: BOOTSTRAP_GROUP, token: !!config.bootstrap_token, password: !!config.bootstrap_password },
        'bootstrap completed',
      );
      if (!config.bootstrap_password) {
        logger.warn('AUTHMESH_BOOTSTRAP_PASSWORD was not set: akadmin has no password; set one with `authmesh` API or a recovery link');
      }
    }
    return done;
  }
}
