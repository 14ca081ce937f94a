import { Test } from '@nestjs/testing';
import { createLogger } from '@academy/common';
import { JOB_REGISTRY, JOB_REGISTRY_TOKEN } from '@academy/queue';
import { testConfig } from '@academy/testing';
import { describe, expect, it } from 'vitest';
import { WorkerModule } from '../apps/worker/src/worker.module.js';

describe('worker boot check', () => {
  it('refuses to start when a registered job name has no handler', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(testConfig(), createLogger({ LOG_LEVEL: 'silent' }, 'test'))],
    })
      .overrideProvider(JOB_REGISTRY_TOKEN)
      .useValue({ ...JOB_REGISTRY, maintenance: [...JOB_REGISTRY.maintenance, 'vacuum'] })
      .compile();
    try {
      await expect(moduleRef.init()).rejects.toThrow(
        'Worker boot check failed:\njob maintenance/vacuum has no handler',
      );
    } finally {
      await moduleRef.close();
    }
  });
});
