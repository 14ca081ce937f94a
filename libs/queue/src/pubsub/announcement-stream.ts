/**
 * Announcements waiting to be loaded for a client that reads slower than they arrive; past this,
 * new ones are dropped (live delivery is best effort: the database keeps everything).
 */
const MAX_WAITING = 100;

/** Starts listening, calling `announce` with each id; resolves to the function that stops. */
export type Listen = (announce: (id: string) => void) => Promise<() => Promise<void>>;

/**
 * One live GraphQL subscription fed by announced ids: each id is loaded for the subscriber (an
 * id they may not see loads as null and yields nothing). Written as an iterator rather than an
 * async generator so that ending it (the client unsubscribes or disconnects) stops listening at
 * once, even while it waits for the next announcement.
 */
export class AnnouncementStream<T> implements AsyncIterableIterator<T> {
  private readonly waiting: string[] = [];
  private wake: (() => void) | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private ended = false;

  private constructor(private readonly load: (id: string) => Promise<T | null>) {}

  /** Opens the stream once the subscription is confirmed, so nothing announced after is missed. */
  static async open<T>(
    listen: Listen,
    load: (id: string) => Promise<T | null>,
  ): Promise<AnnouncementStream<T>> {
    const stream = new AnnouncementStream(load);
    stream.stopListening = await listen((id) => {
      stream.announce(id);
    });
    return stream;
  }

  async next(): Promise<IteratorResult<T>> {
    while (this.isOpen()) {
      const id = this.waiting.shift();
      if (id === undefined) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      let value: T | null;
      try {
        value = await this.load(id);
      } catch (error) {
        // The subscription ends with the error; nothing calls return() after a failed next(),
        // so stop listening here or the listener would stay for the life of the process.
        await this.return();
        throw error;
      }
      if (value && this.isOpen()) return { value, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.ended) {
      this.ended = true;
      this.wakeUp();
      await this.stopListening?.();
    }
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** A call, so it is read afresh after each await: `return()` may end the stream meanwhile. */
  private isOpen(): boolean {
    return !this.ended;
  }

  private announce(id: string): void {
    if (this.waiting.length < MAX_WAITING) this.waiting.push(id);
    this.wakeUp();
  }

  private wakeUp(): void {
    this.wake?.();
    this.wake = null;
  }
}
