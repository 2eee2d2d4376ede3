// Chunk writes one after another while the import goes on reading and checking the next chunk: the
// database works on chunk N while node parses chunk N+1. At most one write is in flight, so chunks
// still commit in file order and each sees the ones before it.
export class WriteQueue {
  private last: Promise<void> = Promise.resolve();

  /** Waits for the write in flight (its error is thrown here), then starts this one. */
  async push(write: () => Promise<void>): Promise<void> {
    await this.last;
    const next = write();
    // Marked handled now; the error surfaces at the next push or at drain.
    next.catch(() => undefined);
    this.last = next;
  }

  async drain(): Promise<void> {
    await this.last;
  }
}
