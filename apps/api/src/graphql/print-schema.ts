import type { INestApplicationContext } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

const HEADER = `# The AI Security Academy GraphQL API: the contract for custom frontends.
# Generated from the code by \`npm run schema:emit\`; do not edit by hand.
`;

/** The schema the running API serves, as the SDL committed in schema.gql. */
export function printApiSchema(app: INestApplicationContext): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
