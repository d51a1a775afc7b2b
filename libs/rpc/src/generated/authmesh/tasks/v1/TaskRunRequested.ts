// Generated from proto/ by scripts/proto-gen.mjs; do not edit. Run `npm run proto:gen`.
// Original file: proto/authmesh/tasks/v1/tasks.proto


/**
 * The payload of `authmesh.tasks.v1.run_requested`: an admin asked to run a task now. Every
 * process of the named service that has the task runs it (unless a run is in progress) and
 * reports with TaskFinished as usual.
 */
export interface TaskRunRequested {
  'service'?: (string);
  'name'?: (string);
}

/**
 * The payload of `authmesh.tasks.v1.run_requested`: an admin asked to run a task now. Every
 * process of the named service that has the task runs it (unless a run is in progress) and
 * reports with TaskFinished as usual.
 */
export interface TaskRunRequested__Output {
  'service': (string);
  'name': (string);
}
