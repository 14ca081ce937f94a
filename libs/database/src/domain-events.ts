import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Every event contexts publish to each other, by type. A context adds its events by declaration
 * merging (`declare module '@academy/database' { interface DomainEventMap { ... } }`), so a
 * publisher and its subscribers agree on the payload at compile time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventType = keyof DomainEventMap;
export type DomainEventHandler<Type extends DomainEventType> = (
  manager: EntityManager,
  event: DomainEventMap[Type],
) => Promise<void>;

/**
 * Domain events delivered inside the publisher's transaction: a subscriber's writes commit or
 * roll back with the change that caused them. This is how one context reacts to another without
 * importing it (identity publishes "joined a group"; learning applies its assignment rules).
 * Work that must happen later or elsewhere goes to the outbox from a subscriber, never here.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, DomainEventHandler<never>[]>();

  subscribe<Type extends DomainEventType>(type: Type, handler: DomainEventHandler<Type>): void {
    const handlers = this.handlers.get(type) ?? [];
    handlers.push(handler);
    this.handlers.set(type, handlers);
  }

  async publish<Type extends DomainEventType>(
    manager: EntityManager,
    type: Type,
    event: DomainEventMap[Type],
  ): Promise<void> {
    for (const handler of this.handlers.get(type) ?? []) {
      await (handler as DomainEventHandler<Type>)(manager, event);
    }
  }
}
