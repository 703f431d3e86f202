import type { SseServerTransport } from './SseServerTransport';
import { SseSession, SseSessions } from './SseSessions';

const session = (id: string, ownerKey: string): SseSession => ({
  id,
  ownerKey,
  server: { name: 's', filter: { include: [], exclude: [] } },
  transport: {
    close: jest.fn(async () => {}),
  } as unknown as SseServerTransport,
  touch: () => {},
  received: () => {},
  hooks: { annotate: () => {}, isCancelledBeforeStart: () => false },
});

describe('SseSessions', () => {
  it('caps sessions per principal and in total, and gives places back on delete', () => {
    const sessions = new SseSessions({
      maxSessions: 3,
      maxSessionsPerPrincipal: 2,
    });
    sessions.add(session('a1', 'alice'));
    sessions.add(session('a2', 'alice'));
    expect(sessions.refusalFor('alice')).toBe('principal-full');
    expect(sessions.refusalFor('bob')).toBeUndefined();
    sessions.add(session('b1', 'bob'));
    expect(sessions.refusalFor('carol')).toBe('full');
    sessions.delete('a1');
    sessions.delete('a1');
    expect(sessions.size).toBe(2);
    expect(sessions.refusalFor('alice')).toBeUndefined();
    expect(sessions.get('a2')?.ownerKey).toBe('alice');
  });

  it('closes every session on shutdown', async () => {
    const sessions = new SseSessions({
      maxSessions: 3,
      maxSessionsPerPrincipal: 3,
    });
    const s = session('a1', 'alice');
    sessions.add(s);
    await sessions.closeAll();
    expect(s.transport.close).toHaveBeenCalled();
  });
});
