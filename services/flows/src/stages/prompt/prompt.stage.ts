import { GrpcStatus, RpcCallError, type PolicyBinding__Output } from '@authmesh/rpc';
import { challenge, invalid, next, type StageContext, type StageRuntime } from '../stage-runtime.js';
import { jsonOf, userView } from '../../policies/expression/expression-context.js';
import { choicesOf, cleanValue, CHOICE_TYPES, DECORATIVE, SERVER_VALUED, type PromptField } from './prompt-fields.js';

/**
 * Shows a form built from prompts and puts the answers into the plan's prompt data, after
 * checking each field's type, that password and password_repeat match, that a new username
 * is free, and the stage's validation policies.
 */
export const promptStage: StageRuntime = {
  type: 'prompt',
  component: 'ak-stage-prompt',
  async challenge(ctx) {
    const fields = [];
    for (const field of fieldsOf(ctx)) fields.push(await renderField(ctx, field));
    return challenge({ fields });
  },
  async submit(ctx, response) {
    const errors: Record<string, string[]> = {};
    const data: Record<string, unknown> = {};
    for (const field of fieldsOf(ctx)) {
      // Separators and static text only decorate the form; they are never stored.
      if (DECORATIVE.has(field.type)) continue;
      if (SERVER_VALUED.has(field.type)) {
        data[field.field_key] = await initialValue(ctx, field);
        continue;
      }
      const choices = CHOICE_TYPES.has(field.type) ? await choicesFor(ctx, field) : undefined;
      const cleaned = cleanValue(field, response[field.field_key], choices);
      if (cleaned.error) errors[field.field_key] = [cleaned.error];
      else if (cleaned.value !== undefined) data[field.field_key] = cleaned.value;
    }
    if ('password_repeat' in data && data.password !== data.password_repeat) errors.password_repeat = ["The passwords don't match."];
    delete data.password_repeat;
    if (typeof data.username === 'string' && !errors.username && (await usernameTaken(ctx, data.username))) {
      errors.username = ['This username is already taken.'];
    }
    if (Object.keys(errors).length > 0) return invalid(errors);

    const merged = { ...(ctx.plan.prompt_data ?? {}), ...data };
    const verdict = await validate(ctx, merged);
    if (verdict.length > 0) return invalid({ non_field_errors: verdict });
    ctx.plan.prompt_data = merged;
    return next();
  },
};

function fieldsOf(ctx: StageContext): PromptField[] {
  const fields = Array.isArray(ctx.settings.fields) ? (ctx.settings.fields as PromptField[]) : [];
  return [...fields].sort((a, b) => a.order - b.order);
}

async function renderField(ctx: StageContext, field: PromptField): Promise<Record<string, unknown>> {
  const isChoice = CHOICE_TYPES.has(field.type);
  const placeholder = isChoice
    ? ''
    : field.placeholder_expression
      ? String((await evaluate(ctx, field.placeholder)) ?? '')
      : field.placeholder;
  return {
    field_key: field.field_key,
    label: field.label,
    type: field.type,
    required: field.required,
    placeholder,
    initial_value: field.type === 'password' ? '' : await initialValue(ctx, field),
    order: field.order,
    sub_text: field.sub_text,
    choices: isChoice ? (await choicesFor(ctx, field)).map((c) => ({ label: c, value: c })) : null,
  };
}

/** What a field starts with: a value collected earlier in the flow, else its configured (or computed) initial value. */
async function initialValue(ctx: StageContext, field: PromptField): Promise<string> {
  const earlier = ctx.plan.prompt_data?.[field.field_key];
  if (typeof earlier === 'string') return earlier;
  if (!field.initial_value_expression) return field.initial_value;
  const value = await evaluate(ctx, field.initial_value);
  return value === null || value === undefined ? '' : String(value);
}

/** A choice field's choices: the placeholder's lines, or the list its expression answers. */
async function choicesFor(ctx: StageContext, field: PromptField): Promise<string[]> {
  if (!field.placeholder_expression) return choicesOf(field);
  const value = await evaluate(ctx, field.placeholder);
  return Array.isArray(value) ? value.map((v) => String(v)).slice(0, 500) : [];
}

/** Runs a prompt expression with the pending user and the prompt data so far; errors show as empty values. */
async function evaluate(ctx: StageContext, source: string): Promise<unknown> {
  const user = ctx.plan.pending_user ? await ctx.services.identity.getUser({ pk: ctx.plan.pending_user }).catch(() => null) : null;
  try {
    return await ctx.services.expressions.evaluate({
      source,
      globals: {
        user: user ? userView(user) : null,
        prompt_context: jsonOf(ctx.plan.prompt_data ?? {}),
        request: { context: jsonOf(ctx.plan), http_request: { host: ctx.request.host, client_ip: ctx.request.clientIp } },
      },
    });
  } catch (error) {
    ctx.services.logger.warn({ err: (error as Error).message, stage: ctx.binding.stage?.name }, 'prompt expression failed');
    return null;
  }
}

async function usernameTaken(ctx: StageContext, username: string): Promise<boolean> {
  try {
    const user = await ctx.services.identity.getUser({ username });
    return user.pk !== ctx.plan.pending_user;
  } catch (error) {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return false;
    throw error;
  }
}

/** Every validation policy must pass (fail closed on errors). Answers the messages of those that did not. */
async function validate(ctx: StageContext, promptData: Record<string, unknown>): Promise<string[]> {
  const policies = Array.isArray(ctx.settings.validation_policies)
    ? (ctx.settings.validation_policies as Array<{ pk: string; name: string; type: string; settings: Record<string, unknown> }>)
    : [];
  if (policies.length === 0) return [];
  const bindings: PolicyBinding__Output[] = policies.map((p, order) => ({
    pk: `validation-${p.pk}`,
    target: ctx.binding.pk,
    order,
    enabled: true,
    negate: false,
    timeout_seconds: 30,
    failure_result: false,
    subject: 'policy',
    policy: { pk: p.pk, name: p.name, type: p.type, execution_logging: false, settings_json: JSON.stringify(p.settings) },
    group_pk: '',
    user_pk: '',
  }));
  const user = ctx.plan.pending_user
    ? await ctx.services.identity.getUser({ pk: ctx.plan.pending_user }).catch(() => null)
    : ctx.sessionUser;
  const result = await ctx.services.policies.evaluate(bindings, 'all', {
    user,
    identifier: ctx.plan.pending_user_identifier ?? '',
    clientIp: ctx.request.clientIp,
    http: { method: 'POST', host: ctx.request.host, path: '', userAgent: ctx.request.userAgent },
    context: { ...ctx.plan, prompt_data: promptData, flow_plan: { context: { ...ctx.plan, prompt_data: promptData } } },
  });
  if (result.passing) return [];
  return result.messages.length > 0 ? result.messages : ['The values entered are not acceptable.'];
}
