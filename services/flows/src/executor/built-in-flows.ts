import type { FlowDefinition__Output } from '@authmesh/rpc';
import { IN_MEMORY_DEVICE_CODE } from '../stages/oauth2-device-code/oauth2-device-code.stage.js';

/** The slug of the device code flow authmesh provides when the brand names none (reserved). */
export const DEVICE_CODE_FLOW_SLUG = 'default-device-code-flow';

/**
 * Flows authmesh provides itself, found before core's: the device code flow a brand without
 * `flow_device_code` uses (login required, then the code). They have no policies.
 */
export const BUILT_IN_FLOWS: ReadonlyMap<string, FlowDefinition__Output> = new Map([
  [
    DEVICE_CODE_FLOW_SLUG,
    {
      pk: DEVICE_CODE_FLOW_SLUG,
      slug: DEVICE_CODE_FLOW_SLUG,
      name: 'Device code',
      title: 'Connect a device',
      designation: 'stage_configuration',
      authentication: 'require_authenticated',
      layout: 'stacked',
      background: '',
      denied_action: 'message',
      policy_engine_mode: 'any',
      compatibility_mode: false,
      bindings: [
        {
          pk: IN_MEMORY_DEVICE_CODE,
          order: 0,
          evaluate_on_plan: false,
          re_evaluate_policies: false,
          policy_engine_mode: 'any',
          invalid_response_action: 'retry',
          stage: { pk: IN_MEMORY_DEVICE_CODE, name: 'oauth2-device-code', type: 'oauth2-device-code', settings_json: '{}' },
        },
      ],
      policy_bindings: [],
    },
  ],
]);
