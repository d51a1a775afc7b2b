import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  IntIdPipe,
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  RequireSuperuser,
  ZodBody,
  ZodQuery,
  type ListQuery,
  requestOrigin,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  impersonateSchema,
  pathsQuerySchema,
  recoveryEmailSchema,
  recoveryLinkSchema,
  serviceAccountSchema,
  setPasswordSchema,
  userListQuerySchema,
  userPatchSchema,
  userReadSchema,
  userWriteSchema,
  type UserPatch,
  type UserWrite,
} from './user.dto.js';
import type { UserFilters } from './user.repository.js';
import { UserService, type ServiceAccountInput } from './user.service.js';
import { UserEntity } from './user.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';
import { ImpersonationService } from './impersonation.service.js';
import { RecoveryLinkService, type LinkOrigin } from './recovery-link.service.js';

const userDoc = openApiSchema(userReadSchema, 'output');

@ApiTags('core')
@Controller('api/v3/core/users')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly references: UsedByService,
    private readonly impersonation: ImpersonationService,
    private readonly recovery: RecoveryLinkService,
  ) {}

  /** The caller; while impersonating, `original` is the admin behind the session. */
  @Get('me')
  @ApiOkResponse({ schema: { type: 'object', required: ['user'], properties: { user: userDoc, original: userDoc } } })
  me(@CurrentActor() actor: Actor) {
    return this.impersonation.me(actor);
  }

  /** Ends impersonation: the session belongs to the admin again (a GET, as in the reference product). */
  // POST, not GET as in the reference: ending changes who the session acts as, so it needs the CSRF check.
  @Post('impersonate_end')
  @HttpCode(204)
  async impersonateEnd(@CurrentActor() actor: Actor) {
    await this.impersonation.end(actor);
  }

  @Get('paths')
  @RequireSuperuser()
  paths(@ZodQuery(pathsQuerySchema) query: { search?: string }) {
    return this.users.paths(query.search);
  }

  @Post('service_account')
  @RequireSuperuser()
  @HttpCode(200)
  serviceAccount(@CurrentActor() actor: Actor, @ZodBody(serviceAccountSchema) body: ServiceAccountInput) {
    return this.users.createServiceAccount(actor, body);
  }

  @Get()
  @RequireSuperuser()
  @ApiOkResponse({ schema: paginatedSchema(userDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(userListQuerySchema) filters: UserFilters) {
    return this.users.list(filters, query);
  }

  @Post()
  @RequireSuperuser()
  @ApiOkResponse({ schema: userDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(userWriteSchema) body: UserWrite) {
    return this.users.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: userDoc })
  retrieve(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    return this.users.get(actor, id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    return this.references.of(UserEntity, actor.principal, this.users.get(actor, id));
  }

  @Put(':id')
  @RequireSuperuser()
  @ApiOkResponse({ schema: userDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number, @ZodBody(userWriteSchema) body: UserWrite) {
    return this.users.update(actor, id, body);
  }

  @Patch(':id')
  @RequireSuperuser()
  @ApiOkResponse({ schema: userDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number, @ZodBody(userPatchSchema) body: UserPatch) {
    return this.users.update(actor, id, body);
  }

  @Delete(':id')
  @RequireSuperuser()
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    await this.users.delete(actor, id);
  }

  /** Makes the caller's session act as this user until `impersonate_end`. */
  @Post(':id/impersonate')
  @RequireSuperuser()
  @HttpCode(204)
  async impersonate(
    @CurrentActor() actor: Actor,
    @Param('id', IntIdPipe) id: number,
    @ZodBody(impersonateSchema) body: { reason: string },
  ) {
    await this.impersonation.start(actor, id, body.reason);
  }

  @Post(':id/set_password')
  @HttpCode(204)
  async setPassword(
    @CurrentActor() actor: Actor,
    @Param('id', IntIdPipe) id: number,
    @ZodBody(setPasswordSchema) body: { password: string },
  ) {
    await this.users.setPassword(actor, id, body.password);
  }

  /** A one-time link into the brand's recovery flow for this user, shown once. */
  @Post(':id/recovery')
  @RequireSuperuser()
  @HttpCode(200)
  @ApiOkResponse({ schema: openApiSchema(recoveryLinkSchema, 'output') })
  recoveryLink(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number, @Req() request: Request) {
    return this.recovery.create(actor, id, linkOrigin(request));
  }

  /** E-mails this user a one-time recovery link through an e-mail stage. */
  @Post(':id/recovery_email')
  @RequireSuperuser()
  @HttpCode(204)
  async recoveryEmail(
    @CurrentActor() actor: Actor,
    @Param('id', IntIdPipe) id: number,
    @ZodBody(recoveryEmailSchema) body: { email_stage: string },
    @Req() request: Request,
  ) {
    await this.recovery.email(actor, id, body.email_stage.toLowerCase(), linkOrigin(request));
  }
}

/** The scheme and host the administrator reached us on: recovery links point there (unless an external URL is set). */
function linkOrigin(request: Request): LinkOrigin {
  const { scheme, host } = requestOrigin(request);
  return { host, secure: scheme === 'https' };
}
