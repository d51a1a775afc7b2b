import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { openApiSchema, RequireSuperuser } from '@authmesh/http';
import { systemInfoSchema, versionSchema } from './system.dto.js';
import { SystemService } from './system.service.js';

/** The installation's status and version (admin dashboard). */
@ApiTags('admin')
@Controller('api/v3/admin')
@RequireSuperuser()
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Get('system')
  @ApiOkResponse({ schema: openApiSchema(systemInfoSchema, 'output') })
  status() {
    return this.system.info();
  }

  @Get('version')
  @ApiOkResponse({ schema: openApiSchema(versionSchema, 'output') })
  version() {
    return this.system.version();
  }
}
