import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { QueueRegistry } from '@academy/queue';
import type { FastifyInstance } from 'fastify';
import { carriesOperatorToken } from './operator-credentials.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board for operators at /admin/queues: every queue, behind the operator token (HTTP Basic
 * for a browser, bearer for scripts). Queues are shared by all organizations, so no tenant role
 * opens it. It is read-only: PostgreSQL is the truth and Redis only transport, so dead letters are
 * replayed through the outbox (`npm run cli -- notifications replay`), never by retrying or
 * editing jobs here; and with no state-changing routes, a browser's cached Basic credentials
 * cannot be abused by another site to change anything.
 */
export async function mountQueueDashboard(
  fastify: FastifyInstance,
  queues: QueueRegistry,
  operatorToken: string,
): Promise<void> {
  const board = new BullBoardFastifyAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.all().map(({ queue }) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'AI Security Academy queues' } },
  });
  await fastify.register(
    async (scope) => {
      // The hook covers every route of this scope: the page, its static files and its API.
      scope.addHook('onRequest', async (request, reply) => {
        if (carriesOperatorToken(request.headers.authorization, operatorToken)) return;
        return reply
          .code(401)
          .header('www-authenticate', 'Basic realm="queues", charset="UTF-8"')
          .send({ message: 'Send the operator token (HTTP Basic password or bearer token).' });
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
