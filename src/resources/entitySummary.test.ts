import { entitySummary } from './entitySummary';

describe('entitySummary', () => {
  it('tells kind, owner, system, lifecycle, relations and links', () => {
    expect(
      entitySummary({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'portal-backend',
          namespace: 'default',
          title: 'Portal backend',
          description: 'Backend of the portal\n',
          tags: ['node', 'api'],
          links: [
            { url: 'https://ci.example.com/portal', title: 'CI [main]' },
            { url: 'https://docs.example.com' },
          ],
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'platform-team',
          system: 'portal',
        },
        relations: [
          { type: 'partOf', targetRef: 'system:default/portal' },
          { type: 'ownedBy', targetRef: 'group:default/platform-team' },
          { type: 'dependsOn', targetRef: 'resource:default/db' },
        ],
      }),
    ).toBe(
      [
        '# Portal backend',
        '',
        '`component:default/portal-backend`: Component (service)',
        '',
        'Backend of the portal',
        '',
        '- **Owner:** group:default/platform-team',
        '- **System:** system:default/portal',
        '- **Lifecycle:** production',
        '- **Tags:** node, api',
        '',
        '## Relations',
        '',
        '- dependsOn: resource:default/db',
        '- ownedBy: group:default/platform-team',
        '- partOf: system:default/portal',
        '',
        '## Links',
        '',
        '- [CI \\[main\\]](https://ci.example.com/portal)',
        '- [https://docs.example.com](https://docs.example.com)',
        '',
      ].join('\n'),
    );
  });

  it("falls back to the spec before the catalog resolved relations, and shows a user's profile", () => {
    const summary = entitySummary({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'alice' },
      spec: {
        owner: 'someone',
        profile: { displayName: 'Alice Example', email: 'alice@example.com' },
      },
    });
    expect(summary).toBe(
      [
        '# alice',
        '',
        '`user:default/alice`: User',
        '',
        '- **Owner:** someone',
        '- **Name:** Alice Example',
        '- **Email:** alice@example.com',
        '',
      ].join('\n'),
    );
  });

  it('lists at most 50 relations and counts the rest', () => {
    const summary = entitySummary({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'everyone' },
      relations: Array.from({ length: 60 }, (_, i) => ({
        type: 'hasMember',
        targetRef: `user:default/u${String(i).padStart(2, '0')}`,
      })),
    });
    expect(summary).toContain('- hasMember: user:default/u49\n');
    expect(summary).not.toContain('u50');
    expect(summary).toContain('- … and 10 more\n');
  });
});
