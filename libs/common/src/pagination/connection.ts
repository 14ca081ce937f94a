import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item: pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: 20,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (the endCursor of the previous page).',
  })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The same page with each node mapped (e.g. an entity to its GraphQL object). */
export function mapConnection<From, To>(
  connection: Connection<From>,
  map: (node: From) => To,
): Connection<To> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
  };
}

/**
 * A Relay connection type for `node`: `<Name>Connection { edges { cursor node } pageInfo
 * totalCount }`. Each list query declares its own with `ConnectionType(User, 'User')`.
 */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item in the list.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class ConnectionTypeClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole filtered list holds.' })
    totalCount!: number;
  }

  return ConnectionTypeClass;
}
