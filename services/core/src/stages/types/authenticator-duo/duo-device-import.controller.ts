import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireSuperuser, UuidPipe, ZodBody } from '@authmesh/http';
import { CurrentActor, type Actor } from '../../../audit/actor.js';
import { manualDuoImportSchema, type ManualDuoImport } from './duo-device-import.dto.js';
import { DuoDeviceImportService } from './duo-device-import.service.js';

/** The Duo stage's import actions (`/api/v3/stages/authenticator/duo/<pk>/import_…/`), for superusers. */
@ApiTags('stages')
@Controller('api/v3/stages/authenticator/duo')
@RequireSuperuser()
export class DuoDeviceImportController {
  constructor(private readonly imports: DuoDeviceImportService) {}

  @Post(':id/import_device_manual')
  @HttpCode(204)
  async importManual(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodBody(manualDuoImportSchema) body: ManualDuoImport,
  ) {
    await this.imports.importManual(actor, id, body);
  }

  @Post(':id/import_devices_automatic')
  @HttpCode(200)
  importAutomatic(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.imports.importAutomatic(actor, id);
  }
}
