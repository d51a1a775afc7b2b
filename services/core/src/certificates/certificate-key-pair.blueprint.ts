import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { certificatePatchSchema, certificateWriteSchema } from './certificate-key-pair.dto.js';
import { CertificateKeyPairRepository } from './certificate-key-pair.repository.js';
import { CertificateKeyPairService } from './certificate-key-pair.service.js';

/** Certificate-key pairs in blueprints. Private keys are never exported; re-applying keeps the stored one. */
@Injectable()
export class CertificateKeyPairBlueprint {
  constructor(
    private readonly certificates: CertificateKeyPairService,
    private readonly rows: CertificateKeyPairRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_crypto.certificatekeypair',
      aliases: ['authentik_crypto.certificatekeypair'],
      fields: { pk: 'id', name: 'name', managed: 'managed' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (pair) => ({ pk: pair.id, key: pair.id }),
      create: async (data) => {
        const pair = await this.certificates.create(actor, parseOrThrow(certificateWriteSchema, data));
        return { pk: pair.pk, key: pair.pk };
      },
      update: (existing, data) => this.certificates.update(actor, String(existing.key), parseOrThrow(certificatePatchSchema, data)),
      delete: (existing) => this.certificates.delete(actor, String(existing.key)),
      schema: openApiSchema(certificateWriteSchema),
      export: async () => {
        const entries = [];
        for (const pair of await everyPage((page) => this.certificates.list({}, page))) {
          const { data } = await this.certificates.viewCertificate(pair.pk);
          entries.push({ id: `certificatekeypair-${pair.pk}`, identifiers: { name: pair.name }, attrs: { certificate_data: data } });
        }
        return entries;
      },
    });
  }
}
