import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const USER_MATCHING_MODES = ['identifier', 'email_link', 'email_deny', 'username_link', 'username_deny'] as const;
export type UserMatchingMode = (typeof USER_MATCHING_MODES)[number];

/** The reference product's default: users a source creates live under a folder named after it. */
export const DEFAULT_USER_PATH_TEMPLATE = 'goauthentik.io/sources/%(slug)s';

/**
 * What every source type shares (OAuth today; SAML, LDAP, Plex when their issues land). Each
 * type adds its own table keyed by this one.
 */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  slug!: string;

  /** The source type, e.g. `oauth`. */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'authentication_flow', type: 'uuid', nullable: true })
  authenticationFlow!: string | null;

  @Column({ name: 'enrollment_flow', type: 'uuid', nullable: true })
  enrollmentFlow!: string | null;

  @Column({ name: 'policy_engine_mode', type: 'varchar', length: 8, default: 'any' })
  policyEngineMode!: 'all' | 'any';

  @Column({ name: 'user_matching_mode', type: 'varchar', length: 16, default: 'identifier' })
  userMatchingMode!: UserMatchingMode;

  @Column({ name: 'user_path_template', type: 'text', default: DEFAULT_USER_PATH_TEMPLATE })
  userPathTemplate!: string;

  /** An icon URL (http(s), a path on this server, or `fa://` for a Font Awesome icon). */
  @Column({ type: 'text', nullable: true })
  icon!: string | null;

  @Column({ type: 'text', nullable: true })
  managed!: string | null;
}

/** The path of users this source creates: the template with `%(slug)s` filled in. */
export function userPathOf(source: Pick<SourceEntity, 'slug' | 'userPathTemplate'>): string {
  return source.userPathTemplate.replaceAll('%(slug)s', source.slug);
}
