import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  RequireSuperuser,
  UuidPipe,
  ZodBody,
  ZodQuery,
  type ListQuery,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  certificateListQuerySchema,
  certificatePatchSchema,
  certificateReadSchema,
  certificateWriteSchema,
  downloadQuerySchema,
  generateSchema,
  pemSchema,
  type CertificateFilters,
  type CertificatePatch,
  type CertificateWrite,
  type GenerateInput,
} from './certificate-key-pair.dto.js';
import { CertificateKeyPairService } from './certificate-key-pair.service.js';
import { CertificateKeyPairEntity } from './certificate-key-pair.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const pairDoc = openApiSchema(certificateReadSchema, 'output');
const pemDoc = openApiSchema(pemSchema, 'output');

@ApiTags('crypto')
@Controller('api/v3/crypto/certificatekeypairs')
@RequireSuperuser()
export class CertificateKeyPairController {
  constructor(
    private readonly pairs: CertificateKeyPairService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(pairDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(certificateListQuerySchema) filters: CertificateFilters) {
    return this.pairs.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: pairDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(certificateWriteSchema) body: CertificateWrite) {
    return this.pairs.create(actor, body);
  }

  @Post('generate')
  @ApiOkResponse({ schema: pairDoc })
  generate(@CurrentActor() actor: Actor, @ZodBody(generateSchema) body: GenerateInput) {
    return this.pairs.generate(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: pairDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.pairs.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(CertificateKeyPairEntity, actor.principal, this.pairs.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(certificateWriteSchema) body: CertificateWrite) {
    return this.pairs.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(certificatePatchSchema) body: CertificatePatch) {
    return this.pairs.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.pairs.delete(actor, id);
  }

  @Get(':id/view_certificate')
  @ApiOkResponse({ schema: pemDoc, description: 'The PEM as `{data}`, or as a file with `?download`.' })
  async viewCertificate(
    @Param('id', UuidPipe) id: string,
    @ZodQuery(downloadQuerySchema) query: { download?: string },
    @Res() res: Response,
  ) {
    send(res, await this.pairs.viewCertificate(id), 'certificate.pem', query.download !== undefined && query.download !== 'false');
  }

  @Get(':id/view_private_key')
  @ApiOkResponse({ schema: pemDoc, description: 'The PEM as `{data}`, or as a file with `?download`.' })
  async viewPrivateKey(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodQuery(downloadQuerySchema) query: { download?: string },
    @Res() res: Response,
  ) {
    send(res, await this.pairs.viewPrivateKey(actor, id), 'private_key.pem', query.download !== undefined && query.download !== 'false');
  }
}

/** Answers `{data}` as JSON, or the PEM as a file download when `?download` is given. */
function send(res: Response, value: { data: string; name: string }, suffix: string, download: boolean): void {
  if (!download) {
    res.json({ data: value.data });
    return;
  }
  const filename = `${value.name.replace(/[^A-Za-z0-9._-]/g, '_')}_${suffix}`;
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.type('application/x-pem-file').send(value.data);
}
