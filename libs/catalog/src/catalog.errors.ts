import { defineErrorCodes } from '@academy/common';

export const CatalogErrors = defineErrorCodes('CATALOG', {
  INVALID_CURRICULUM: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  SLUG_TAKEN: 'CONFLICT',
});
