// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface PreparePlanResponse {
  /**
   * False when the flow does not exist or its policies deny this browser.
   */
  'planned'?: (boolean);
  /**
   * Why not, when planned is false.
   */
  'message'?: (string);
  /**
   * The flow cookie the browser must carry (the one given, or a new one to set).
   */
  'flow_key'?: (string);
}

export interface PreparePlanResponse__Output {
  /**
   * False when the flow does not exist or its policies deny this browser.
   */
  'planned': (boolean);
  /**
   * Why not, when planned is false.
   */
  'message': (string);
  /**
   * The flow cookie the browser must carry (the one given, or a new one to set).
   */
  'flow_key': (string);
}
