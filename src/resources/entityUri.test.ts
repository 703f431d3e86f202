import { entityUri, parseEntityUri } from './entityUri';

describe('entity resource URIs', () => {
  it("writes an entity's ref as a URI, kind and namespace lowercased", () => {
    expect(
      entityUri({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Portal_Backend.v2', namespace: 'Tools' },
      }),
    ).toBe('backstage://catalog/component/tools/Portal_Backend.v2');
    expect(
      entityUri({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team' },
      }),
    ).toBe('backstage://catalog/group/default/team');
  });

  it('reads the ref back, escapes included', () => {
    expect(
      parseEntityUri('backstage://catalog/component/default/a%20b'),
    ).toEqual({ kind: 'component', namespace: 'default', name: 'a b' });
  });

  it.each([
    'test://nonexistent',
    'backstage://catalog/component/default',
    'backstage://catalog/component/default/a/b',
    'backstage://catalog/component//a',
    'backstage://catalog/component/default/a?x=1',
    'backstage://catalog/component/default/a#top',
    'backstage://catalog/component/default/%E0%A4%A',
    'backstage://other/component/default/a',
  ])('names no entity with %s', uri => {
    expect(parseEntityUri(uri)).toBeUndefined();
  });
});
