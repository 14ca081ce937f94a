import { NestFactory } from '@nestjs/core';
import { DomainError, PinoNestLogger, createLogger, loadConfigOrExit } from '@academy/common';
import { CurriculumImporter } from '@academy/catalog';
import { CliModule } from '../cli.module.js';

/** Validates, then imports the curriculum in one transaction, printing what changed per kind. */
export async function importCurriculum(root: string): Promise<number> {
  const config = loadConfigOrExit('cli');
  const logger = createLogger({ LOG_LEVEL: 'warn' }, 'cli');
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  try {
    const summary = await app.get(CurriculumImporter).import(root);
    process.stdout.write('kind       added  changed  retired  unchanged\n');
    for (const [kind, counts] of Object.entries(summary)) {
      process.stdout.write(
        `${kind.padEnd(10)} ${String(counts.added).padStart(5)}  ${String(counts.changed).padStart(7)}  ${String(counts.retired).padStart(7)}  ${String(counts.unchanged).padStart(9)}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stdout.write(`${error.safeMessage}\nNothing was imported.\n`);
    return 1;
  } finally {
    await app.close();
  }
}
