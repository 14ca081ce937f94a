import { Inject, Injectable, Scope } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GroupService } from '../groups/group.service.js';

/** Per request: member counts of every group a response shows, in one query. */
@Injectable({ scope: Scope.REQUEST })
export class GroupMemberCountsLoader {
  readonly loader: DataLoader<string, number>;

  constructor(@Inject(GroupService) groups: GroupService) {
    this.loader = new DataLoader(async (ids) => {
      const counts = await groups.memberCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }
}
