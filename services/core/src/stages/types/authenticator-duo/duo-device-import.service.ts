import { Inject, Injectable } from '@nestjs/common';
import { DuoApiError, duoAdminClientFor, hasDuoAdminApi, type DuoUser } from '@authmesh/duo';
import { OutboundClient } from '@authmesh/outbound';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../../../audit/actor.js';
import { EventPublisher } from '../../../audit/event-publisher.js';
import { DeviceService } from '../../../authenticators/device.service.js';
import { CORE_OPTIONS } from '../../../core.tokens.js';
import type { CoreOptions } from '../../../core.options.js';
import { Transactions } from '../../../database/transactions.js';
import { UserRepository } from '../../../users/user.repository.js';
import { StageRepository } from '../../stage.repository.js';
import { StageService } from '../../stage.service.js';
import type { StageEntity } from '../../stage.entity.js';
import { authenticatorDuoStage } from './authenticator-duo.stage.js';
import { DUO_USER_ID, type DuoImportResult, type ManualDuoImport } from './duo-device-import.dto.js';

/** Listing every Duo user may take several pages; each answer should still come quickly. */
const ADMIN_API_TIMEOUT_MS = 30_000;

/**
 * Imports Duo users' devices as authmesh Duo devices, like the reference product's stage actions:
 * one named by an administrator, or every Duo user (Admin API) whose username an authmesh user has.
 */
@Injectable()
export class DuoDeviceImportService {
  readonly #outbound: OutboundClient;

  constructor(
    private readonly stages: StageRepository,
    private readonly stageSettings: StageService,
    private readonly users: UserRepository,
    private readonly devices: DeviceService,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {
    this.#outbound = new OutboundClient({
      allowedNetworks: options.config.outbound_allowed_cidrs,
      userAgent: `authmesh/${options.version}`,
      timeoutMs: ADMIN_API_TIMEOUT_MS,
    });
  }

  /** Creates a confirmed Duo device for the named user; 400 when the user is unknown or already has it. */
  async importManual(actor: Actor, stageId: string, input: ManualDuoImport): Promise<void> {
    const stage = await this.requireStage(stageId);
    const field = input.username === undefined ? 'user' : 'username';
    const user =
      input.username === undefined ? await this.users.findById(input.user ?? 0) : await this.users.findByUsername(input.username);
    if (!user) throw ValidationFailedError.field(field, 'No such user.');
    if (!user.isActive) throw ValidationFailedError.field(field, 'This user is inactive.');
    await this.committed(async () => {
      if (await this.devices.hasDuo(user.id, input.duo_user_id)) {
        throw ValidationFailedError.field('duo_user_id', 'This user already has a device for this Duo user.');
      }
      await this.devices.enrollDuo(user.id, deviceName(stage), input.duo_user_id, stage.id, actor);
    });
  }

  /**
   * Lists every Duo user with the stage's Admin API keys and creates a device for each one whose
   * username an active authmesh user has, unless that user already has one for that Duo user.
   * Duo is asked before anything is written, and the writes commit together.
   */
  async importAutomatic(actor: Actor, stageId: string): Promise<DuoImportResult> {
    const stage = await this.requireStage(stageId);
    const settings = this.stageSettings.runtimeSettings(stage);
    if (!hasDuoAdminApi(settings)) {
      throw ValidationFailedError.field('admin_integration_key', 'This stage has no Admin API keys; set them to import automatically.');
    }
    let duoUsers: DuoUser[];
    try {
      duoUsers = await duoAdminClientFor(this.#outbound, settings, this.options.config.duo_url).listUsers();
    } catch (error) {
      const reason = error instanceof DuoApiError ? error.message : 'request failed';
      this.options.logger.warn({ err: reason, stage: stage.name }, 'Duo device import: listing Duo users failed');
      throw ValidationFailedError.field('non_field_errors', `Duo users could not be listed: ${reason}`);
    }
    const count = await this.committed(async () => {
      let created = 0;
      for (const duoUser of duoUsers) {
        if (!DUO_USER_ID.test(duoUser.userId)) continue;
        // Usernames match regardless of case, as authmesh usernames are unique regardless of case.
        const user = await this.users.findByUsername(duoUser.username);
        if (!user?.isActive) continue;
        if (await this.devices.hasDuo(user.id, duoUser.userId)) continue;
        await this.devices.enrollDuo(user.id, deviceName(stage), duoUser.userId, stage.id, actor);
        created += 1;
      }
      return created;
    });
    return { count, error: '' };
  }

  /** Runs the writes in one transaction holding the import lock; their events go out only once it committed. */
  private async committed<T>(work: () => Promise<T>): Promise<T> {
    const { result, release } = await this.events.holdUntilDone(() =>
      this.transactions.run(async () => {
        await this.devices.lockDuoImports();
        return work();
      }),
    );
    await release();
    return result;
  }

  private async requireStage(id: string): Promise<StageEntity> {
    const stage = await this.stages.findById(id, authenticatorDuoStage.type);
    if (!stage) throw new NotFoundError();
    return stage;
  }
}

function deviceName(stage: StageEntity): string {
  const friendly = stage.config.friendly_name;
  return typeof friendly === 'string' && friendly !== '' ? friendly : 'Duo device';
}
