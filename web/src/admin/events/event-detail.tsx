import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Card,
  CardBody,
  CardTitle,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
  Title,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { api } from '../../shared/api/client';
import { ErrorState } from '../../shared/error-state';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/locales';
import { Link } from '../../shared/router';
import { dateCell, text } from '../kit/cells';
import type { AdminPage } from '../kit/area';
import { answer, useLoad } from '../dashboard/use-load';
import { actionLabel } from './event-actions';
import { modelOf, modelRoute } from './model-link';

type EventJson = Awaited<ReturnType<typeof loadEvent>>;

function loadEvent(id: string) {
  return answer(api.GET('/api/v3/events/events/{id}', { params: { path: { id } } }));
}

/** A string field of a JSON object, if it is one. */
function field(object: unknown, name: string): string | undefined {
  if (!object || typeof object !== 'object') return undefined;
  const value = (object as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function Entry({ term, children }: { term: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{t(term)}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** What an event says beyond its fields: the object it changed, why a login failed, the app authorized. */
function EventSpecifics({ event }: { event: EventJson }) {
  const { t } = useI18n();
  const model = event.action.startsWith('model_') ? modelOf(event.context) : undefined;
  const route = model ? modelRoute(model) : undefined;
  const authorized = event.context.authorized_application;
  return (
    <>
      {model ? (
        <Entry term={'admin.events.model'}>
          {route ? <Link to={route}>{model.name ?? String(model.pk)}</Link> : (model.name ?? String(model.pk))}{' '}
          <span>({t('admin.events.modelKind', { app: model.app, model: model.model_name, pk: String(model.pk) })})</span>
        </Entry>
      ) : null}
      {event.action === 'login_failed' ? (
        <>
          <Entry term={'admin.events.reason'}>{text(field(event.context, 'reason') ?? t('admin.events.noReason'))}</Entry>
          {field(event.context, 'username') ? <Entry term={'admin.events.attemptedAs'}>{field(event.context, 'username')}</Entry> : null}
        </>
      ) : null}
      {authorized && typeof authorized === 'object' ? (
        <Entry term={'admin.events.authorizedApp'}>{text(field(authorized, 'name') ?? field(authorized, 'pk'))}</Entry>
      ) : null}
    </>
  );
}

/** One event: every field, what it concerns, and its context as JSON text. */
export function EventDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => loadEvent(id));
  const event = loaded.data;
  const onBehalfOf = event ? (event.user.on_behalf_of as Record<string, unknown> | undefined) : undefined;
  return (
    <>
      <Breadcrumb>
        <BreadcrumbItem>
          <Link to="/events/log">{t('admin.events.title')}</Link>
        </BreadcrumbItem>
      </Breadcrumb>
      {loaded.failure ? (
        <ErrorState error={loaded.failure} onRetry={loaded.retry} />
      ) : !event ? (
        <Spinner aria-label={t('flow.loading')} />
      ) : (
        <>
          <Title headingLevel="h2">{actionLabel(t, event.action)}</Title>
          {event.action === 'login_failed' ? (
            <Alert
              variant="warning"
              isInline
              title={t('admin.events.loginFailedBecause', { reason: field(event.context, 'reason') ?? t('admin.events.noReason') })}
            />
          ) : null}
          <Card>
            <CardTitle>{t('admin.events.info')}</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal>
                <Entry term={'admin.events.action'}>
                  {actionLabel(t, event.action)} <code>{event.action}</code>
                </Entry>
                <Entry term={'admin.events.user'}>
                  {field(event.user, 'pk') !== undefined ? (
                    <Link to={`/identity/users/${encodeURIComponent(String(field(event.user, 'pk')))}`}>
                      {text(field(event.user, 'username'))}
                    </Link>
                  ) : (
                    text(field(event.user, 'username'))
                  )}
                  {field(event.user, 'email') ? <span> ({field(event.user, 'email')})</span> : null}
                </Entry>
                {onBehalfOf ? <Entry term={'admin.events.onBehalfOf'}>{text(field(onBehalfOf, 'username'))}</Entry> : null}
                <Entry term={'admin.events.app'}>{text(event.app)}</Entry>
                <Entry term={'admin.events.clientIp'}>{text(event.client_ip)}</Entry>
                <Entry term={'admin.events.brand'}>{text(field(event.brand, 'name'))}</Entry>
                <Entry term={'admin.events.created'}>{dateCell(event.created)}</Entry>
                <Entry term={'admin.events.expires'}>{dateCell(event.expires)}</Entry>
                <EventSpecifics event={event} />
              </DescriptionList>
            </CardBody>
          </Card>
          <Card>
            <CardTitle>{t('admin.events.context')}</CardTitle>
            <CardBody>
              <CodeBlock>
                <CodeBlockCode aria-label={t('admin.events.context')}>{JSON.stringify(event.context, null, 2)}</CodeBlockCode>
              </CodeBlock>
            </CardBody>
          </Card>
        </>
      )}
    </>
  );
}

/** The page of one event (`#/events/log/<pk>`); left out of the navigation. */
export const eventDetailPage: AdminPage = {
  route: '/events/log/:id',
  title: 'admin.events.singular',
  hidden: true,
  render: (params) => <EventDetail key={params.id} id={params.id} />,
};
