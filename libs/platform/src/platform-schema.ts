import type { SchemaParts } from '@academy/database';
import { catalogEntities } from '@academy/catalog';
import { drillsEntities } from '@academy/drills';
import { certificationPrepEntities } from '@academy/certification-prep';
import { identityEntities } from '@academy/identity';
import { learningEntities } from '@academy/learning';
import { notificationsEntities } from '@academy/notifications';
import { OutboxMessageEntity } from '@academy/outbox';
import { WorkerHeartbeatEntity } from '@academy/queue';
import { migrations } from '../../../migrations/index.js';

/**
 * The whole platform's schema: every context's entities and every migration. The API, the
 * worker, the CLI and the tests all open their DataSource from this one list.
 */
export const platformSchema: SchemaParts = {
  entities: [
    WorkerHeartbeatEntity,
    OutboxMessageEntity,
    ...identityEntities,
    ...catalogEntities,
    ...learningEntities,
    ...notificationsEntities,
    ...drillsEntities,
    ...certificationPrepEntities,
  ],
  migrations,
};
