import type { Actor } from '@academy/identity';
import type { NotificationEntity } from '../entities/notification.entity.js';
import type { InboxArrivals } from './inbox-arrivals.js';
import type { InboxService } from './inbox.service.js';

/**
 * Announcements waiting to be loaded for a client that reads slower than they arrive; past this,
 * new ones are dropped (live delivery is best effort: the inbox keeps everything).
 */
const MAX_WAITING = 100;

/**
 * One live subscription to a person's inbox: each announced id, loaded as one of the person's
 * own notifications (an id that is not theirs yields nothing). Written as an iterator rather
 * than an async generator so that ending it (the client unsubscribes or disconnects) stops
 * listening at once, even while it waits for the next announcement.
 */
export class NotificationStream implements AsyncIterableIterator<NotificationEntity> {
  private readonly waiting: string[] = [];
  private wake: (() => void) | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private ended = false;

  private constructor(
    private readonly person: Actor,
    private readonly inbox: InboxService,
  ) {}

  /** Opens the stream once Redis confirmed the subscription, so nothing sent after is missed. */
  static async open(
    person: Actor,
    arrivals: InboxArrivals,
    inbox: InboxService,
  ): Promise<NotificationStream> {
    const stream = new NotificationStream(person, inbox);
    stream.stopListening = await arrivals.listen(person.id, (id) => {
      stream.announce(id);
    });
    return stream;
  }

  async next(): Promise<IteratorResult<NotificationEntity>> {
    while (this.isOpen()) {
      const id = this.waiting.shift();
      if (id === undefined) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      const notification = await this.inbox.findOwn(this.person, id);
      if (notification && this.isOpen()) return { value: notification, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<NotificationEntity>> {
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
