/** A failure inside a command; the backend turns it into `{code, message}` in the reader's language. */
export class Fail {
  constructor(
    readonly code: string,
    readonly args: Record<string, string> = {},
  ) {}
}

/** A refusal the real app gave, passed on as it was. */
export class Recorded {
  constructor(readonly shape: { code: string; message: string }) {}
}
