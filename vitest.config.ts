import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // SWC, unlike esbuild, emits the decorator metadata NestJS's dependency injection reads.
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        target: 'es2023',
      },
    }),
  ],
  resolve: {
    alias: [
      // graphql 16 ships ESM (its "module" field) beside CommonJS ("main"); Node, and so NestJS
      // and Apollo, load the CommonJS build. Tests must load that same copy, or graphql's
      // instanceof checks fail between the two.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
      ...[
        'common',
        'database',
        'queue',
        'outbox',
        'identity',
        'catalog',
        'learning',
        'notifications',
        'drills',
        'certification-prep',
        'platform',
        'testing',
      ].map((name) => ({
        find: `@academy/${name}`,
        replacement: fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url)),
      })),
    ],
  },
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/per-file-setup.ts'],
        },
      },
    ],
  },
});
