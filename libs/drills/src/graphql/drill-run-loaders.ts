import { Inject, Injectable } from '@nestjs/common';
import { PerRequest } from '@academy/common';
import type { Actor } from '@academy/identity';
import DataLoader from 'dataloader';
import { RunReader, type InjectView, type ParticipantView } from '../running/run-reader.js';

interface Loaders {
  participants?: DataLoader<string, ParticipantView[]>;
  injects?: DataLoader<string, InjectView[]>;
}

/**
 * Per request: the participants and the visible injects of every run a response shows, each in
 * a fixed number of statements however many runs it lists. A request has one actor, so the
 * loaders are made with the first caller's.
 */
@Injectable()
export class DrillRunLoaders {
  private readonly loaders = new PerRequest<Loaders>(() => ({}));

  constructor(@Inject(RunReader) private readonly reader: RunReader) {}

  participants(request: object, actor: Actor, runId: string): Promise<ParticipantView[]> {
    const loaders = this.loaders.of(request);
    loaders.participants ??= new DataLoader(async (runIds) => {
      const byRun = await this.reader.participantsOf(actor.organizationId, runIds);
      return runIds.map((id) => byRun.get(id) ?? []);
    });
    return loaders.participants.load(runId);
  }

  injects(request: object, actor: Actor, runId: string): Promise<InjectView[]> {
    const loaders = this.loaders.of(request);
    loaders.injects ??= new DataLoader(async (runIds) => {
      const byRun = await this.reader.injectsOf(actor, runIds);
      return runIds.map((id) => byRun.get(id) ?? []);
    });
    return loaders.injects.load(runId);
  }
}
