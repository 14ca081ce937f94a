import type { PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { CommonErrors, DomainError } from '../errors/domain-error.js';
import { isUuid } from '../uuid.js';

/** Refuses an id argument that is not a UUID, naming the argument but never echoing its value. */
class UuidArgument implements PipeTransform<unknown, unknown> {
  constructor(private readonly name: string) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined || isUuid(value)) return value;
    throw new DomainError(CommonErrors.INVALID_INPUT, `Invalid input: ${this.name} is not an id.`);
  }
}

/**
 * An `ID` argument of a resolver. Every id this API hands out is a UUID, so anything else is
 * refused as BAD_USER_INPUT before the resolver runs, rather than failing as a cast inside SQL
 * (an internal error to the client, and noise in the logs).
 */
export function IdArg(name: string, options: { nullable?: boolean } = {}): ParameterDecorator {
  return Args(
    name,
    { type: () => ID, nullable: options.nullable ?? false },
    new UuidArgument(name),
  );
}
