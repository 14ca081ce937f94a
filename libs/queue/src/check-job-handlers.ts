import type { JobHandlerTarget } from './job-handler.js';
import type { JobRegistry } from './job-registry.js';

/**
 * Problems that must stop a worker from starting: a registered name with no handler (its work
 * would fail forever), with several (which one runs would be an accident of module order), or a
 * handler for a name that is not registered (a typo, or a leftover).
 */
export function checkOneHandlerEach(
  what: string,
  registered: readonly string[],
  handled: readonly string[],
): string[] {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const name of handled) counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const name of registered) {
    const count = counts.get(name) ?? 0;
    if (count === 0) problems.push(`${what} ${name} has no handler`);
    if (count > 1) problems.push(`${what} ${name} has ${count} handlers`);
  }
  for (const name of counts.keys()) {
    if (!registered.includes(name)) problems.push(`handler for unregistered ${what} ${name}`);
  }
  return problems;
}

/** {@link checkOneHandlerEach} for the job registry: each queue/job name has exactly one handler. */
export function checkJobHandlers(
  registry: JobRegistry,
  handlers: readonly JobHandlerTarget[],
): string[] {
  const key = (target: JobHandlerTarget) => `${target.queue}/${target.name}`;
  const registered = Object.entries(registry).flatMap(([queue, names]) =>
    names.map((name) => key({ queue, name })),
  );
  return checkOneHandlerEach('job', registered, handlers.map(key));
}
