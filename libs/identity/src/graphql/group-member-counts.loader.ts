import { Inject, Injectable } from '@nestjs/common';
import { PerRequest } from '@academy/common';
import DataLoader from 'dataloader';
import { GroupService } from '../groups/group.service.js';

/** Per request: member counts of every group a response shows, in one query. */
@Injectable()
export class GroupMemberCountsLoader {
  private readonly loaders = new PerRequest(
    () =>
      new DataLoader<string, number>(async (ids) => {
        const counts = await this.groups.memberCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
  );

  constructor(@Inject(GroupService) private readonly groups: GroupService) {}

  load(request: object, groupId: string): Promise<number> {
    return this.loaders.of(request).load(groupId);
  }
}
