import type { ExpressionEngine, JsonValue } from '@authmesh/expressions';
import { OutboundRequestError, type OutboundClient } from '@authmesh/outbound';
import { DeliveryError, type Delivery, type TransportRuntime } from './notification-transport.js';
import { defaultWebhookBody, slackPayload, webhookMappingGlobals } from './webhook-payload.js';

/** POSTs JSON to the transport's URL through the SSRF-safe client; any answer but 2xx fails the delivery. */
export async function postJson(outbound: OutboundClient, url: string, body: JsonValue): Promise<string[]> {
  if (!url) throw new DeliveryError('the transport has no webhook URL');
  let status: number;
  try {
    const response = await outbound.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    status = response.status;
  } catch (error) {
    const reason = error instanceof OutboundRequestError ? error.message : 'the request failed';
    throw new DeliveryError(`webhook not delivered: ${reason}`);
  }
  if (status < 200 || status > 299) throw new DeliveryError(`webhook answered HTTP ${status}`);
  return [`Webhook answered HTTP ${status}.`];
}

/** A generic JSON webhook: the mapping's result as the body when the transport has one, else the default body. */
export function webhookTransport(outbound: OutboundClient, expressions: ExpressionEngine): TransportRuntime {
  return {
    mode: 'webhook',
    async deliver(delivery) {
      return postJson(outbound, delivery.transport.webhook_url, await webhookBody(expressions, delivery));
    },
  };
}

/** A Slack (or Discord `/slack`) incoming webhook. */
export function slackWebhookTransport(outbound: OutboundClient, version: string): TransportRuntime {
  return {
    mode: 'webhook_slack',
    async deliver({ transport, notification }) {
      return postJson(outbound, transport.webhook_url, slackPayload(notification, version));
    },
  };
}

async function webhookBody(expressions: ExpressionEngine, { transport, notification, recipient }: Delivery): Promise<JsonValue> {
  if (!transport.webhook_mapping_expression) return defaultWebhookBody(notification, recipient);
  try {
    return await expressions.evaluate({
      source: transport.webhook_mapping_expression,
      globals: webhookMappingGlobals(notification, recipient),
    });
  } catch (error) {
    const name = transport.webhook_mapping_name || 'webhook mapping';
    throw new DeliveryError(`${name} failed: ${(error as Error).message}`, 'property_mapping_exception');
  }
}
