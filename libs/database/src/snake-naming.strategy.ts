import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

function snakeCase(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase();
}

const POSTGRES_MAX_IDENTIFIER = 63;

const bareTableName = (table: Table | string) =>
  (typeof table === 'string' ? table : table.name).split('.').pop() ?? '';

/** `prefix_table_columns`, shortened with a hash when PostgreSQL would truncate it. */
function constraintName(prefix: string, table: Table | string, columns: string[]): string {
  const name = [prefix, bareTableName(table), ...columns].join('_');
  if (name.length <= POSTGRES_MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, POSTGRES_MAX_IDENTIFIER - 9)}_${hash}`;
}

/**
 * snake_case table and column names, so SQL written by hand reads like the entities, and
 * readable constraint names (`pk_users`, `uq_users_organization_id_email`) that error messages
 * and migrations can be matched against.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className.replace(/Entity$/, ''));
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]) {
    return snakeCase([...prefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string): string {
    return snakeCase(`${firstTableName}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string) {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(table: Table | string): string {
    return constraintName('pk', table, []);
  }

  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return constraintName('uq', table, columns);
  }

  override indexName(table: Table | string, columns: string[]): string {
    return constraintName('ix', table, columns);
  }

  override foreignKeyName(table: Table | string, columns: string[]): string {
    return constraintName('fk', table, columns);
  }

  override checkConstraintName(table: Table | string, expression: string): string {
    const hash = createHash('sha256').update(expression).digest('hex').slice(0, 8);
    return constraintName('ck', table, [hash]);
  }
}
