/** A failure already explained to the user: exit 1 with its one-line reason. */
export class HandledFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandledFailure';
  }
}
