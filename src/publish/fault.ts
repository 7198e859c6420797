/**
 * A publish run stopped by its surroundings (a full disk, a read-only or locked database, an R2 failure), as
 * opposed to a content problem or a bug: the operation it was doing, what it was doing it to, and why. Printed as
 * the one line `content:publish: <operation> <target>: <reason>`, without a stack, since the stack would only
 * show the publisher's code and never what the user must fix.
 */
export class PublishFault extends Error {
  /** What the run was doing: `write`, `read`, `open`, `upload`, `take the publish lock`… */
  readonly operation: string;
  /** What it was doing it to: a file or folder path, or a binding (`MEDIA img/…/480.avif`, `DB (remote)`). */
  readonly target: string;
  /** The underlying error's message, on one line, plus what to do about it when that is known. */
  readonly reason: string;

  constructor(operation: string, target: string, reason: string) {
    super(`${operation} ${target}: ${reason}`);
    this.name = 'PublishFault';
    this.operation = operation;
    this.target = target;
    this.reason = reason;
  }

  /** The same fault with a sentence added to its reason (what the run had already done, say). */
  withNote(note: string): PublishFault {
    return new PublishFault(this.operation, this.target, `${this.reason}; ${note}`);
  }
}

/**
 * The message of whatever was thrown, on one line. A Node system error's message repeats the path the fault
 * already names (`EACCES: permission denied, open '/x/publish.lock'`): that tail is dropped.
 */
export function causeOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? message;
  const system = error instanceof Error && 'syscall' in error;
  return (system ? first.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '') : first).trim();
}

/** Runs `step`, turning anything it throws (other than a fault already named) into a fault naming `operation` and `target`. */
export async function naming<T>(operation: string, target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof PublishFault) throw error;
    throw new PublishFault(operation, target, causeOf(error));
  }
}
