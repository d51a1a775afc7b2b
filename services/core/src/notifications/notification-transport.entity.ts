import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How a transport delivers a notification. */
export const TRANSPORT_MODES = ['local', 'webhook', 'webhook_slack', 'email'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** The label each mode shows in the admin interface. */
export const TRANSPORT_MODE_LABELS: Record<TransportMode, string> = {
  local: 'Built-in notifications (web interface)',
  webhook: 'Generic webhook',
  webhook_slack: 'Slack-compatible webhook (Slack, Discord)',
  email: 'Email',
};

/**
 * One way of delivering notifications: kept for the web interface, POSTed to a webhook (with
 * an optional webhook mapping building the body), or sent by e-mail.
 */
@Entity({ name: 'notification_transports' })
export class NotificationTransportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: TransportMode;

  @Column({ name: 'webhook_url', type: 'text', default: '' })
  webhookUrl!: string;

  @Column({ name: 'webhook_mapping_id', type: 'uuid', nullable: true })
  webhookMappingId!: string | null;

  /** Deliver once per rule match instead of once per recipient (e.g. one chat channel). */
  @Column({ name: 'send_once', type: 'boolean', default: false })
  sendOnce!: boolean;
}
