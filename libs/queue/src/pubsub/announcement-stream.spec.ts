import { describe, expect, it } from 'vitest';
import { AnnouncementStream } from './announcement-stream.js';

/** A listener registry as the Redis fan-out would be: announce() reaches whoever listens. */
function fakeChannel() {
  let listener: ((id: string) => void) | null = null;
  return {
    listen: (announce: (id: string) => void) => {
      listener = announce;
      return Promise.resolve(() => {
        listener = null;
        return Promise.resolve();
      });
    },
    announce: (id: string) => listener?.(id),
    listening: () => listener !== null,
  };
}

describe('AnnouncementStream', () => {
  it('yields what each announced id loads as, skipping ids that load as nothing', async () => {
    const channel = fakeChannel();
    const stream = await AnnouncementStream.open(channel.listen, (id) =>
      Promise.resolve(id === 'hidden' ? null : `loaded ${id}`),
    );
    channel.announce('hidden');
    channel.announce('a');
    expect(await stream.next()).toEqual({ value: 'loaded a', done: false });
    await stream.return();
    expect(channel.listening()).toBe(false);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('stops listening when loading fails, since nothing ends a stream after a failed next()', async () => {
    const channel = fakeChannel();
    const stream = await AnnouncementStream.open(channel.listen, () =>
      Promise.reject(new Error('statement timeout')),
    );
    channel.announce('a');
    await expect(stream.next()).rejects.toThrow('statement timeout');
    expect(channel.listening()).toBe(false);
  });
});
