import { Inject, Injectable } from '@nestjs/common';
import {
  assertKeyMatchesCertificate,
  CertificateError,
  generateSelfSigned,
  parseCertificatePem,
  parsePrivateKeyPem,
} from '@authmesh/crypto';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { CertificateKeyPairEntity } from './certificate-key-pair.entity.js';
import type { CertificateFilters, CertificatePatch, CertificateRead, CertificateWrite, GenerateInput } from './certificate-key-pair.dto.js';
import { CertificateKeyPairRepository } from './certificate-key-pair.repository.js';

/** Certificate-key pairs: imported or generated, private keys sealed at rest. */
@Injectable()
export class CertificateKeyPairService {
  constructor(
    private readonly pairs: CertificateKeyPairRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: CertificateFilters, query: ListQuery): Promise<Paginated<CertificateRead>> {
    const [rows, count] = await this.pairs.list(filters, query);
    return paginate(rows.map(serializePair), count, query);
  }

  async get(id: string): Promise<CertificateRead> {
    return serializePair(await this.require(id));
  }

  async create(actor: Actor, input: CertificateWrite): Promise<CertificateRead> {
    const pair = await this.write(new CertificateKeyPairEntity(), input);
    await this.events.modelCreated(actor, ref(pair));
    return serializePair(pair);
  }

  async update(actor: Actor, id: string, input: CertificatePatch): Promise<CertificateRead> {
    const existing = await this.require(id);
    if (existing.managed) throw ValidationFailedError.field('non_field_errors', 'Managed certificate-key pairs cannot be changed.');
    const pair = await this.write(existing, input);
    await this.events.modelUpdated(actor, ref(pair));
    return serializePair(pair);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const pair = await this.require(id);
    await this.pairs.delete(id);
    await this.events.modelDeleted(actor, ref(pair));
  }

  async generate(actor: Actor, input: GenerateInput): Promise<CertificateRead> {
    const sans = input.subject_alt_name
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const invalid = sans.find((s) => !/^(\*\.)?[a-zA-Z0-9.-]{1,253}$/.test(s));
    if (invalid) throw ValidationFailedError.field('subject_alt_name', `"${invalid}" is not a DNS name.`);
    const generated = await generateSelfSigned({
      commonName: input.common_name,
      subjectAltNames: sans,
      validityDays: input.validity_days,
      algorithm: input.alg,
    });
    return this.create(actor, { name: input.common_name, certificate_data: generated.certificatePem, key_data: generated.privateKeyPem });
  }

  async viewCertificate(id: string): Promise<{ data: string; name: string }> {
    const pair = await this.require(id);
    return { data: pair.certificateData, name: pair.name };
  }

  /** Reveals a private key; callers must hold the permission, and the reveal is audited. */
  async viewPrivateKey(actor: Actor, id: string): Promise<{ data: string; name: string }> {
    const pair = await this.require(id);
    if (!pair.keyDataSealed) throw new NotFoundError('This certificate has no private key.');
    await this.events.emit('secret_view', actor, { certificate_key_pair: ref(pair) });
    return { data: this.options.secretBox.open(pair.keyDataSealed), name: pair.name };
  }

  private async write(pair: CertificateKeyPairEntity, input: CertificatePatch): Promise<CertificateKeyPairEntity> {
    const certificate = input.certificate_data ?? pair.certificateData;
    let info;
    try {
      info = parseCertificatePem(certificate);
    } catch (error) {
      if (error instanceof CertificateError)
        throw ValidationFailedError.field('certificate_data', `Unable to load certificate: ${error.message}.`);
      throw error;
    }
    if (input.key_data !== undefined && input.key_data !== '') {
      try {
        parsePrivateKeyPem(input.key_data);
        assertKeyMatchesCertificate(certificate, input.key_data);
      } catch (error) {
        if (error instanceof CertificateError)
          throw ValidationFailedError.field('key_data', `Unable to use private key: ${error.message}.`);
        throw error;
      }
      pair.keyDataSealed = this.options.secretBox.seal(input.key_data);
    } else if (input.key_data === '') {
      pair.keyDataSealed = null;
    } else if (input.certificate_data !== undefined && pair.keyDataSealed) {
      // A new certificate must still match the key already stored.
      try {
        assertKeyMatchesCertificate(certificate, this.options.secretBox.open(pair.keyDataSealed));
      } catch (error) {
        if (error instanceof CertificateError)
          throw ValidationFailedError.field('certificate_data', 'The certificate does not match the stored private key.');
        throw error;
      }
    }
    if (input.name !== undefined) pair.name = input.name;
    pair.certificateData = certificate;
    pair.fingerprintSha256 = info.fingerprintSha256;
    pair.fingerprintSha1 = info.fingerprintSha1;
    pair.certExpiry = info.notAfter;
    pair.certSubject = info.subject;
    pair.keyType = pair.keyDataSealed ? info.keyType : null;
    return this.pairs.save(pair).catch(rethrowUnique);
  }

  private async require(id: string): Promise<CertificateKeyPairEntity> {
    const pair = await this.pairs.findById(id);
    if (!pair) throw new NotFoundError();
    return pair;
  }
}

function serializePair(pair: CertificateKeyPairEntity): CertificateRead {
  const base = `/api/v3/crypto/certificatekeypairs/${pair.id}`;
  return {
    pk: pair.id,
    name: pair.name,
    fingerprint_sha256: pair.fingerprintSha256,
    fingerprint_sha1: pair.fingerprintSha1,
    cert_expiry: pair.certExpiry.toISOString(),
    cert_subject: pair.certSubject,
    private_key_available: pair.keyDataSealed !== null,
    private_key_type: pair.keyType,
    certificate_download_url: `${base}/view_certificate/?download`,
    private_key_download_url: `${base}/view_private_key/?download`,
    managed: pair.managed,
  };
}

function ref(pair: CertificateKeyPairEntity): ModelRef {
  return { app: 'authentik_crypto', model_name: 'certificatekeypair', pk: pair.id, name: pair.name };
}
