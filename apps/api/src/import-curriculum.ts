import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { PROJECT_ROOT } from '@academy/common';
import { CurriculumImporter } from '@academy/catalog';
import type { Logger } from 'pino';

const CURRICULUM_DIR = join(PROJECT_ROOT, 'curriculum');

/**
 * At start-up, imports the shipped curriculum when its files changed since the last import. A
 * curriculum that does not validate is logged and skipped: the API keeps serving the last
 * good import rather than refusing to start.
 */
export async function importCurriculumIfChanged(app: INestApplicationContext, logger: Logger) {
  const importer = app.get(CurriculumImporter);
  if (!(await importer.isStale(CURRICULUM_DIR))) return;
  try {
    const summary = await importer.import(CURRICULUM_DIR);
    logger.info({ summary }, 'imported the curriculum');
  } catch (error) {
    logger.error({ err: error }, 'the curriculum was not imported; serving the previous import');
  }
}
