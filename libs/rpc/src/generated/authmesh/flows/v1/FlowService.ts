// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthenticateRequest as _authmesh_flows_v1_AuthenticateRequest, AuthenticateRequest__Output as _authmesh_flows_v1_AuthenticateRequest__Output } from '../../../authmesh/flows/v1/AuthenticateRequest.js';
import type { AuthenticateResponse as _authmesh_flows_v1_AuthenticateResponse, AuthenticateResponse__Output as _authmesh_flows_v1_AuthenticateResponse__Output } from '../../../authmesh/flows/v1/AuthenticateResponse.js';
import type { CacheInfo as _authmesh_flows_v1_CacheInfo, CacheInfo__Output as _authmesh_flows_v1_CacheInfo__Output } from '../../../authmesh/flows/v1/CacheInfo.js';
import type { CheckApplicationAccessRequest as _authmesh_flows_v1_CheckApplicationAccessRequest, CheckApplicationAccessRequest__Output as _authmesh_flows_v1_CheckApplicationAccessRequest__Output } from '../../../authmesh/flows/v1/CheckApplicationAccessRequest.js';
import type { CheckApplicationAccessResponse as _authmesh_flows_v1_CheckApplicationAccessResponse, CheckApplicationAccessResponse__Output as _authmesh_flows_v1_CheckApplicationAccessResponse__Output } from '../../../authmesh/flows/v1/CheckApplicationAccessResponse.js';
import type { ClearCacheRequest as _authmesh_flows_v1_ClearCacheRequest, ClearCacheRequest__Output as _authmesh_flows_v1_ClearCacheRequest__Output } from '../../../authmesh/flows/v1/ClearCacheRequest.js';
import type { CreateRecoveryLinkRequest as _authmesh_flows_v1_CreateRecoveryLinkRequest, CreateRecoveryLinkRequest__Output as _authmesh_flows_v1_CreateRecoveryLinkRequest__Output } from '../../../authmesh/flows/v1/CreateRecoveryLinkRequest.js';
import type { CreateRecoveryLinkResponse as _authmesh_flows_v1_CreateRecoveryLinkResponse, CreateRecoveryLinkResponse__Output as _authmesh_flows_v1_CreateRecoveryLinkResponse__Output } from '../../../authmesh/flows/v1/CreateRecoveryLinkResponse.js';
import type { EvaluateBindingsRequest as _authmesh_flows_v1_EvaluateBindingsRequest, EvaluateBindingsRequest__Output as _authmesh_flows_v1_EvaluateBindingsRequest__Output } from '../../../authmesh/flows/v1/EvaluateBindingsRequest.js';
import type { EvaluateBindingsResponse as _authmesh_flows_v1_EvaluateBindingsResponse, EvaluateBindingsResponse__Output as _authmesh_flows_v1_EvaluateBindingsResponse__Output } from '../../../authmesh/flows/v1/EvaluateBindingsResponse.js';
import type { FlowStatus as _authmesh_flows_v1_FlowStatus, FlowStatus__Output as _authmesh_flows_v1_FlowStatus__Output } from '../../../authmesh/flows/v1/FlowStatus.js';
import type { GetCacheInfoRequest as _authmesh_flows_v1_GetCacheInfoRequest, GetCacheInfoRequest__Output as _authmesh_flows_v1_GetCacheInfoRequest__Output } from '../../../authmesh/flows/v1/GetCacheInfoRequest.js';
import type { GetStatusRequest as _authmesh_flows_v1_GetStatusRequest, GetStatusRequest__Output as _authmesh_flows_v1_GetStatusRequest__Output } from '../../../authmesh/flows/v1/GetStatusRequest.js';
import type { PreparePlanRequest as _authmesh_flows_v1_PreparePlanRequest, PreparePlanRequest__Output as _authmesh_flows_v1_PreparePlanRequest__Output } from '../../../authmesh/flows/v1/PreparePlanRequest.js';
import type { PreparePlanResponse as _authmesh_flows_v1_PreparePlanResponse, PreparePlanResponse__Output as _authmesh_flows_v1_PreparePlanResponse__Output } from '../../../authmesh/flows/v1/PreparePlanResponse.js';
import type { TestPolicyRequest as _authmesh_flows_v1_TestPolicyRequest, TestPolicyRequest__Output as _authmesh_flows_v1_TestPolicyRequest__Output } from '../../../authmesh/flows/v1/TestPolicyRequest.js';
import type { TestPolicyResponse as _authmesh_flows_v1_TestPolicyResponse, TestPolicyResponse__Output as _authmesh_flows_v1_TestPolicyResponse__Output } from '../../../authmesh/flows/v1/TestPolicyResponse.js';

export interface FlowServiceClient extends grpc.Client {
  /**
   * Runs a login flow without a browser, for protocols that receive all credentials at
   * once (an LDAP bind, a RADIUS Access-Request): identification, password and second
   * factor are answered from the request; a stage that needs a person at a browser fails
   * the login. Reputation, policies and events apply exactly as for a browser.
   */
  Authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  Authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Runs a login flow without a browser, for protocols that receive all credentials at
   * once (an LDAP bind, a RADIUS Access-Request): identification, password and second
   * factor are answered from the request; a stage that needs a person at a browser fails
   * the login. Reputation, policies and events apply exactly as for a browser.
   */
  authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  authenticate(argument: _authmesh_flows_v1_AuthenticateRequest, callback: grpc.requestCallback<_authmesh_flows_v1_AuthenticateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Decides whether a user may use an application, by the application's policy bindings
   * (protocol services ask on every grant: authorization, device code, client credentials).
   * A policy that fails counts as its binding's failure result; an application without
   * bindings lets everyone in.
   */
  CheckApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  CheckApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Decides whether a user may use an application, by the application's policy bindings
   * (protocol services ask on every grant: authorization, device code, client credentials).
   * A policy that fails counts as its binding's failure result; an application without
   * bindings lets everyone in.
   */
  checkApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  checkApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  checkApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  checkApplicationAccess(argument: _authmesh_flows_v1_CheckApplicationAccessRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CheckApplicationAccessResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Drops the cached flow definitions and policy results.
   */
  ClearCache(argument: _authmesh_flows_v1_ClearCacheRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  ClearCache(argument: _authmesh_flows_v1_ClearCacheRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  ClearCache(argument: _authmesh_flows_v1_ClearCacheRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  ClearCache(argument: _authmesh_flows_v1_ClearCacheRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  /**
   * Drops the cached flow definitions and policy results.
   */
  clearCache(argument: _authmesh_flows_v1_ClearCacheRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  clearCache(argument: _authmesh_flows_v1_ClearCacheRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  clearCache(argument: _authmesh_flows_v1_ClearCacheRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  clearCache(argument: _authmesh_flows_v1_ClearCacheRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  
  /**
   * Recovery links (an administrator's "create/email recovery link"): plans the brand's
   * recovery flow for a user, with identification and e-mail verification left out and
   * `is_restored` set in the plan context, and issues a single-use flow token for it.
   * NOT_FOUND when the brand has no recovery flow (or the user or e-mail stage does not
   * exist); FAILED_PRECONDITION when the user is inactive, or has no e-mail address and
   * the link is to be e-mailed; INVALID_ARGUMENT when email_stage_pk is not an e-mail stage.
   */
  CreateRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  CreateRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  CreateRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  CreateRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Recovery links (an administrator's "create/email recovery link"): plans the brand's
   * recovery flow for a user, with identification and e-mail verification left out and
   * `is_restored` set in the plan context, and issues a single-use flow token for it.
   * NOT_FOUND when the brand has no recovery flow (or the user or e-mail stage does not
   * exist); FAILED_PRECONDITION when the user is inactive, or has no e-mail address and
   * the link is to be e-mailed; INVALID_ARGUMENT when email_stage_pk is not an e-mail stage.
   */
  createRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  createRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  createRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  createRecoveryLink(argument: _authmesh_flows_v1_CreateRecoveryLinkRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CreateRecoveryLinkResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Notification rules (the events runtime asks for each new event and rule): evaluates the
   * policy bindings of any target for a user and a context, like CheckApplicationAccess does
   * for an application. A policy that fails counts as its binding's failure result; an
   * unknown user is evaluated as anonymous (user and group bindings then fail).
   */
  EvaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  EvaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  EvaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  EvaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Notification rules (the events runtime asks for each new event and rule): evaluates the
   * policy bindings of any target for a user and a context, like CheckApplicationAccess does
   * for an application. A policy that fails counts as its binding's failure result; an
   * unknown user is evaluated as anonymous (user and group bindings then fail).
   */
  evaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  evaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  evaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  evaluateBindings(argument: _authmesh_flows_v1_EvaluateBindingsRequest, callback: grpc.requestCallback<_authmesh_flows_v1_EvaluateBindingsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * How many flow definitions this executor holds in its cache.
   */
  GetCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  GetCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  GetCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  GetCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  /**
   * How many flow definitions this executor holds in its cache.
   */
  getCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  getCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  getCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  getCacheInfo(argument: _authmesh_flows_v1_GetCacheInfoRequest, callback: grpc.requestCallback<_authmesh_flows_v1_CacheInfo__Output>): grpc.ClientUnaryCall;
  
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _authmesh_flows_v1_GetStatusRequest, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _authmesh_flows_v1_GetStatusRequest, callback: grpc.requestCallback<_authmesh_flows_v1_FlowStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  PreparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  preparePlan(argument: _authmesh_flows_v1_PreparePlanRequest, callback: grpc.requestCallback<_authmesh_flows_v1_PreparePlanResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Evaluates one policy for a user and context, as the policy test action does. Nothing is
   * recorded and no reputation changes.
   */
  TestPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  TestPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  TestPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  TestPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Evaluates one policy for a user and context, as the policy test action does. Nothing is
   * recorded and no reputation changes.
   */
  testPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  testPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  testPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  testPolicy(argument: _authmesh_flows_v1_TestPolicyRequest, callback: grpc.requestCallback<_authmesh_flows_v1_TestPolicyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FlowServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Runs a login flow without a browser, for protocols that receive all credentials at
   * once (an LDAP bind, a RADIUS Access-Request): identification, password and second
   * factor are answered from the request; a stage that needs a person at a browser fails
   * the login. Reputation, policies and events apply exactly as for a browser.
   */
  Authenticate: grpc.handleUnaryCall<_authmesh_flows_v1_AuthenticateRequest__Output, _authmesh_flows_v1_AuthenticateResponse>;
  
  /**
   * Decides whether a user may use an application, by the application's policy bindings
   * (protocol services ask on every grant: authorization, device code, client credentials).
   * A policy that fails counts as its binding's failure result; an application without
   * bindings lets everyone in.
   */
  CheckApplicationAccess: grpc.handleUnaryCall<_authmesh_flows_v1_CheckApplicationAccessRequest__Output, _authmesh_flows_v1_CheckApplicationAccessResponse>;
  
  /**
   * Drops the cached flow definitions and policy results.
   */
  ClearCache: grpc.handleUnaryCall<_authmesh_flows_v1_ClearCacheRequest__Output, _authmesh_flows_v1_CacheInfo>;
  
  /**
   * Recovery links (an administrator's "create/email recovery link"): plans the brand's
   * recovery flow for a user, with identification and e-mail verification left out and
   * `is_restored` set in the plan context, and issues a single-use flow token for it.
   * NOT_FOUND when the brand has no recovery flow (or the user or e-mail stage does not
   * exist); FAILED_PRECONDITION when the user is inactive, or has no e-mail address and
   * the link is to be e-mailed; INVALID_ARGUMENT when email_stage_pk is not an e-mail stage.
   */
  CreateRecoveryLink: grpc.handleUnaryCall<_authmesh_flows_v1_CreateRecoveryLinkRequest__Output, _authmesh_flows_v1_CreateRecoveryLinkResponse>;
  
  /**
   * Notification rules (the events runtime asks for each new event and rule): evaluates the
   * policy bindings of any target for a user and a context, like CheckApplicationAccess does
   * for an application. A policy that fails counts as its binding's failure result; an
   * unknown user is evaluated as anonymous (user and group bindings then fail).
   */
  EvaluateBindings: grpc.handleUnaryCall<_authmesh_flows_v1_EvaluateBindingsRequest__Output, _authmesh_flows_v1_EvaluateBindingsResponse>;
  
  /**
   * How many flow definitions this executor holds in its cache.
   */
  GetCacheInfo: grpc.handleUnaryCall<_authmesh_flows_v1_GetCacheInfoRequest__Output, _authmesh_flows_v1_CacheInfo>;
  
  /**
   * Whether the executor can run flows right now, and which build answers.
   */
  GetStatus: grpc.handleUnaryCall<_authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus>;
  
  /**
   * Plans a flow for a browser ahead of its first request, with context only a trusted
   * caller may set (the application an authorization is for, where to go afterwards).
   * Protocol services call this, then send the browser to the flow interface.
   */
  PreparePlan: grpc.handleUnaryCall<_authmesh_flows_v1_PreparePlanRequest__Output, _authmesh_flows_v1_PreparePlanResponse>;
  
  /**
   * Evaluates one policy for a user and context, as the policy test action does. Nothing is
   * recorded and no reputation changes.
   */
  TestPolicy: grpc.handleUnaryCall<_authmesh_flows_v1_TestPolicyRequest__Output, _authmesh_flows_v1_TestPolicyResponse>;
  
}

export interface FlowServiceDefinition extends grpc.ServiceDefinition {
  Authenticate: MethodDefinition<_authmesh_flows_v1_AuthenticateRequest, _authmesh_flows_v1_AuthenticateResponse, _authmesh_flows_v1_AuthenticateRequest__Output, _authmesh_flows_v1_AuthenticateResponse__Output>
  CheckApplicationAccess: MethodDefinition<_authmesh_flows_v1_CheckApplicationAccessRequest, _authmesh_flows_v1_CheckApplicationAccessResponse, _authmesh_flows_v1_CheckApplicationAccessRequest__Output, _authmesh_flows_v1_CheckApplicationAccessResponse__Output>
  ClearCache: MethodDefinition<_authmesh_flows_v1_ClearCacheRequest, _authmesh_flows_v1_CacheInfo, _authmesh_flows_v1_ClearCacheRequest__Output, _authmesh_flows_v1_CacheInfo__Output>
  CreateRecoveryLink: MethodDefinition<_authmesh_flows_v1_CreateRecoveryLinkRequest, _authmesh_flows_v1_CreateRecoveryLinkResponse, _authmesh_flows_v1_CreateRecoveryLinkRequest__Output, _authmesh_flows_v1_CreateRecoveryLinkResponse__Output>
  EvaluateBindings: MethodDefinition<_authmesh_flows_v1_EvaluateBindingsRequest, _authmesh_flows_v1_EvaluateBindingsResponse, _authmesh_flows_v1_EvaluateBindingsRequest__Output, _authmesh_flows_v1_EvaluateBindingsResponse__Output>
  GetCacheInfo: MethodDefinition<_authmesh_flows_v1_GetCacheInfoRequest, _authmesh_flows_v1_CacheInfo, _authmesh_flows_v1_GetCacheInfoRequest__Output, _authmesh_flows_v1_CacheInfo__Output>
  GetStatus: MethodDefinition<_authmesh_flows_v1_GetStatusRequest, _authmesh_flows_v1_FlowStatus, _authmesh_flows_v1_GetStatusRequest__Output, _authmesh_flows_v1_FlowStatus__Output>
  PreparePlan: MethodDefinition<_authmesh_flows_v1_PreparePlanRequest, _authmesh_flows_v1_PreparePlanResponse, _authmesh_flows_v1_PreparePlanRequest__Output, _authmesh_flows_v1_PreparePlanResponse__Output>
  TestPolicy: MethodDefinition<_authmesh_flows_v1_TestPolicyRequest, _authmesh_flows_v1_TestPolicyResponse, _authmesh_flows_v1_TestPolicyRequest__Output, _authmesh_flows_v1_TestPolicyResponse__Output>
}
