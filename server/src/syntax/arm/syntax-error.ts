// The error and skip records of the ARM front end: plain data with 0-based file offsets.
// Invariant: `start <= end`, both within the file text; errors are never thrown.

/** A JSON syntax error or an unparsable template expression. */
export interface ArmSyntaxError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * A part of a template whose shape is not what ARM expects (e.g. `resources` is a string, a resource has no
 * `type`): it is left out of the views. Not a user-facing error; ARM Tools reports schema errors.
 */
export interface ArmSkip {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}
