/** A failure inside a command; the backend turns it into `{code, message}` in the reader's language. */
export class Fail {
  constructor(
    readonly code: string,
    readonly args: Record<string, string> = {},
  ) {}
}
