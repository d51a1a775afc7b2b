// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/tasks/v1/tasks.proto


/**
 * The payload of `authmesh.tasks.v1.announced`. A service's task runner sends one per task
 * when it starts, so core lists the task (status "unknown") before its first run. Core keeps
 * the last run of a task it already knows and only refreshes the description.
 */
export interface TaskAnnounced {
  /**
   * The service that owns and runs the task, e.g. "events".
   */
  'service'?: (string);
  /**
   * Unique within the service: lower case letters, digits, "_" and "-".
   */
  'name'?: (string);
  /**
   * What the task does, in a sentence.
   */
  'description'?: (string);
  /**
   * How often it runs on its own.
   */
  'interval_seconds'?: (number | string);
}

/**
 * The payload of `authmesh.tasks.v1.announced`. A service's task runner sends one per task
 * when it starts, so core lists the task (status "unknown") before its first run. Core keeps
 * the last run of a task it already knows and only refreshes the description.
 */
export interface TaskAnnounced__Output {
  /**
   * The service that owns and runs the task, e.g. "events".
   */
  'service': (string);
  /**
   * Unique within the service: lower case letters, digits, "_" and "-".
   */
  'name': (string);
  /**
   * What the task does, in a sentence.
   */
  'description': (string);
  /**
   * How often it runs on its own.
   */
  'interval_seconds': (number);
}
