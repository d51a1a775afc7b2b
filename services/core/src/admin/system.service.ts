import { Inject, Injectable } from '@nestjs/common';
import { databaseHealthy } from '@authmesh/db';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import type { ServiceStatus, SystemInfo, VersionInfo } from './system.dto.js';

const startedAt = new Date();

/** The health and facts of the running installation, for the admin dashboard. */
@Injectable()
export class SystemService {
  constructor(@Inject(CORE_OPTIONS) private readonly options: CoreOptions) {}

  async info(): Promise<SystemInfo> {
    const { config, bus, dataSource } = this.options;
    const [database, others] = await Promise.all([databaseHealthy(dataSource), this.services()]);
    const busReady = bus.isHealthy();
    const services: ServiceStatus[] = [
      { name: 'core', location: 'local', ready: database && busReady },
      ...others.filter((s) => s.name !== 'core'),
    ];
    const problems: string[] = [];
    if (!database) problems.push('The database does not answer.');
    if (!busReady) problems.push('The message bus is not connected.');
    for (const service of services) {
      if (service.location === 'absent')
        problems.push(`The ${service.name} service is neither in this process nor configured with an address.`);
      else if (!service.ready) problems.push(`The ${service.name} service is not ready.`);
    }
    return {
      version: this.options.version,
      server_time: new Date().toISOString(),
      started: startedAt.toISOString(),
      runtime: {
        node_version: process.version,
        platform: `${process.platform} ${process.arch}`,
        uptime_seconds: Math.round(process.uptime()),
        memory_rss_bytes: process.memoryUsage().rss,
      },
      database: { ready: database, embedded: config.database_url === undefined },
      bus: { ready: busReady, kind: config.nats_url === undefined ? 'in-process' : 'nats' },
      services,
      problems,
    };
  }

  version(): VersionInfo {
    return { version_current: this.options.version, version_latest: null, outdated: null };
  }

  /** Each service's readiness as core sees it; without a mesh view (one-shot commands), none. */
  private async services(): Promise<ServiceStatus[]> {
    const mesh = this.options.mesh;
    if (!mesh) return [];
    const report = await mesh.check();
    return mesh.services().map((service) => ({ ...service, ready: report.checks[service.name] === true }));
  }
}
