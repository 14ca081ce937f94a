import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrors, DomainError } from '@academy/common';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

function messagesOf(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    return [
      ...Object.values(error.constraints ?? {}).map((message) =>
        message.replace(error.property, field),
      ),
      ...messagesOf(error.children ?? [], field),
    ];
  });
}

/**
 * Validates GraphQL arguments against their class-validator rules before a resolver runs, and
 * reports every problem at once as BAD_USER_INPUT. Values are never echoed back.
 */
export function inputValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError(
        CommonErrors.INVALID_INPUT,
        `Invalid input: ${messagesOf(errors).join('; ')}.`,
      ),
  });
}
