// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/flows/v1/flows.proto


export interface FlowStatus {
  /**
   * The authmesh version of the answering process.
   */
  'version'?: (string);
  /**
   * False while a dependency the executor needs (such as the bus) is unreachable.
   */
  'ready'?: (boolean);
}

export interface FlowStatus__Output {
  /**
   * The authmesh version of the answering process.
   */
  'version': (string);
  /**
   * False while a dependency the executor needs (such as the bus) is unreachable.
   */
  'ready': (boolean);
}
