// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/tasks/v1/tasks.proto


/**
 * The payload of `authmesh.tasks.v1.finished`: one run of a task ended (either way). Core
 * stores the latest run per (service, name).
 */
export interface TaskFinished {
  'service'?: (string);
  'name'?: (string);
  'description'?: (string);
  /**
   * successful, warning or error.
   */
  'status'?: (string);
  /**
   * What the run wants the admin to know; for an error, the error's message.
   */
  'messages'?: (string)[];
  /**
   * ISO 8601 instants.
   */
  'started'?: (string);
  'finished'?: (string);
  /**
   * Seconds.
   */
  'duration'?: (number | string);
}

/**
 * The payload of `authmesh.tasks.v1.finished`: one run of a task ended (either way). Core
 * stores the latest run per (service, name).
 */
export interface TaskFinished__Output {
  'service': (string);
  'name': (string);
  'description': (string);
  /**
   * successful, warning or error.
   */
  'status': (string);
  /**
   * What the run wants the admin to know; for an error, the error's message.
   */
  'messages': (string)[];
  /**
   * ISO 8601 instants.
   */
  'started': (string);
  'finished': (string);
  /**
   * Seconds.
   */
  'duration': (number);
}
