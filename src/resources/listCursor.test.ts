import { decodeCursor, encodeCursor, refuseCursor } from './listCursor';

describe('resources/list cursors', () => {
  it('names the same offset every time, for the listing that made it', () => {
    const cursor = encodeCursor('scope-a', 100);
    expect(encodeCursor('scope-a', 100)).toBe(cursor);
    expect(decodeCursor('scope-a', cursor)).toBe(100);
  });

  it.each([
    ['another listing', encodeCursor('scope-b', 100)],
    ['not base64 JSON', 'not-a-cursor'],
    ['an offset of zero', encodeCursor('scope-a', 0)],
    ['a negative offset', encodeCursor('scope-a', -5)],
    ['a fractional offset', encodeCursor('scope-a', 1.5)],
    ['an absurd offset', encodeCursor('scope-a', 1e12)],
    [
      'a text offset',
      Buffer.from('{"s":"scope-a","o":"3"}').toString('base64url'),
    ],
  ])('refuses the cursor of %s with -32602', (_label, cursor) => {
    expect(() => decodeCursor('scope-a', cursor)).toThrow(
      expect.objectContaining({ code: -32602 }),
    );
  });

  it('refuses any cursor of a list served in one page', () => {
    expect(() => refuseCursor(undefined)).not.toThrow();
    expect(() => refuseCursor('')).toThrow(
      expect.objectContaining({ code: -32602 }),
    );
  });
});
