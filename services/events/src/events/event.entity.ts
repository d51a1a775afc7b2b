import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'events' })
export class EventEntity {
  @PrimaryColumn({ name: 'event_uuid', type: 'uuid' })
  eventUuid!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 128, default: '' })
  app!: string;

  @Column({ type: 'jsonb', default: {} })
  user!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: {} })
  context!: Record<string, unknown>;

  @Column({ name: 'client_ip', type: 'varchar', length: 64, default: '' })
  clientIp!: string;

  @Column({ type: 'jsonb', default: {} })
  brand!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  created!: Date;

  @Column({ type: 'timestamptz' })
  expires!: Date;
}
