import type { JobHandlerTarget } from './job-handler.js';
import type { JobRegistry } from './job-registry.js';

/**
 * Problems that must stop a worker from starting: a registered job name with no handler (its
 * jobs would fail forever), with several (which one runs would be an accident of module order),
 * or a handler for a job name that is not registered (a typo, or a leftover).
 */
export function checkJobHandlers(
  registry: JobRegistry,
  handlers: readonly JobHandlerTarget[],
): string[] {
  const problems: string[] = [];
  const key = (target: JobHandlerTarget) => `${target.queue}/${target.name}`;
  const counts = new Map<string, number>();
  for (const handler of handlers) counts.set(key(handler), (counts.get(key(handler)) ?? 0) + 1);
  const registered = new Set<string>();
  for (const [queue, names] of Object.entries(registry)) {
    for (const name of names) {
      const job = key({ queue, name });
      registered.add(job);
      const count = counts.get(job) ?? 0;
      if (count === 0) problems.push(`job ${job} has no handler`);
      if (count > 1) problems.push(`job ${job} has ${count} handlers`);
    }
  }
  for (const job of counts.keys()) {
    if (!registered.has(job)) problems.push(`handler for unregistered job ${job}`);
  }
  return problems;
}
