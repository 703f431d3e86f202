import { PortalPlugin, portalAction } from '../types';

export const vaultPlugin: PortalPlugin = {
  pluginId: 'vault',
  actions: [
    portalAction({
      name: 'list-secrets',
      title: 'List Secrets',
      description:
        'Lists the keys under a path of a KV version 2 mount. Entries ending in a slash are sub-folders; secret values are never returned.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          mount: z.string().default('secret').describe('KV v2 mount path'),
          path: z
            .string()
            .default('')
            .describe('Folder inside the mount, e.g. payments/prod'),
          namespace: z
            .string()
            .optional()
            .describe('Vault Enterprise namespace'),
        }),
      output: z =>
        z.object({
          path: z.string(),
          keys: z.array(z.string()),
        }),
      example: { mount: 'secret', path: 'payments/prod' },
      run: input => ({
        path: `${input.mount}/${input.path}`,
        keys: ['ledger-db', 'stripe', 'kafka/'],
      }),
    }),
    portalAction({
      name: 'read-secret-metadata',
      title: 'Read Secret Metadata',
      description:
        'Returns version history and custom metadata of a KV v2 secret without its data. Deleted and destroyed versions are included so you can tell them apart.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string().min(1),
        }),
      output: z =>
        z.object({
          currentVersion: z.number().int(),
          oldestVersion: z.number().int(),
          maxVersions: z.number().int(),
          casRequired: z.boolean(),
          deleteVersionAfter: z
            .string()
            .describe('Go duration, 0s meaning never'),
          customMetadata: z.record(z.string()).nullable(),
          versions: z.array(
            z.object({
              version: z.number().int(),
              createdTime: z.string(),
              deletionTime: z.string().optional(),
              destroyed: z.boolean(),
            }),
          ),
        }),
      example: { mount: 'secret', path: 'payments/prod/ledger-db' },
      run: () => ({
        currentVersion: 7,
        oldestVersion: 3,
        maxVersions: 10,
        casRequired: true,
        deleteVersionAfter: '0s',
        customMetadata: { owner: 'team-payments', rotation: 'quarterly' },
        versions: [
          { version: 5, createdTime: '2023-12-01T10:00:00Z', destroyed: true },
          {
            version: 6,
            createdTime: '2024-03-01T10:00:00Z',
            deletionTime: '2024-03-02T09:00:00Z',
            destroyed: false,
          },
          { version: 7, createdTime: '2024-06-01T10:00:00Z', destroyed: false },
        ],
      }),
    }),
    portalAction({
      name: 'write-secret',
      title: 'Write Secret',
      description:
        'Writes a new version of a KV v2 secret, replacing all its keys. Pass cas with the current version when the mount requires check-and-set.',
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string().min(1),
          data: z
            .record(z.string())
            .describe('Complete set of key/value pairs for the new version'),
          cas: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              'Expected current version; 0 means only write if the secret does not exist',
            ),
        }),
      output: z =>
        z.object({
          path: z.string(),
          version: z.number().int(),
          createdTime: z.string(),
        }),
      example: {
        mount: 'secret',
        path: 'payments/staging/stripe',
        data: {
          api_key: 'sk_test_placeholder',
          webhook_secret: 'whsec_placeholder',
        },
        cas: 2,
      },
      run: input => ({
        path: `${input.mount}/data/${input.path}`,
        version: (input.cas ?? 0) + 1,
        createdTime: '2024-06-02T11:00:00Z',
      }),
    }),
    portalAction({
      name: 'patch-secret',
      title: 'Patch Secret',
      description:
        'Merges the given keys into the latest version of a secret, creating a new version. Keys set to null are removed.',
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string().min(1),
          data: z.record(z.string().nullable()),
        }),
      output: z =>
        z.object({
          version: z.number().int(),
          keysChanged: z.array(z.string()),
        }),
      example: {
        mount: 'secret',
        path: 'payments/prod/kafka/consumer',
        data: { sasl_username: 'ledger-consumer', legacy_password: null },
      },
      run: input => ({ version: 8, keysChanged: Object.keys(input.data) }),
    }),
    portalAction({
      name: 'delete-secret-versions',
      title: 'Delete Secret Versions',
      description:
        'Soft-deletes specific versions of a secret. The data stays recoverable with undelete-secret-versions until it is destroyed.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string(),
          versions: z.array(z.number().int().positive()).min(1),
        }),
      output: z =>
        z.object({
          path: z.string(),
          deletedVersions: z.array(z.number().int()),
        }),
      example: {
        mount: 'secret',
        path: 'payments/prod/ledger-db',
        versions: [6],
      },
      run: input => ({ path: input.path, deletedVersions: input.versions }),
    }),
    portalAction({
      name: 'undelete-secret-versions',
      title: 'Undelete Secret Versions',
      description:
        'Restores soft-deleted versions of a secret. Destroyed versions cannot be restored.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string(),
          versions: z.array(z.number().int().positive()).min(1),
        }),
      output: z =>
        z.object({
          restored: z.array(z.number().int()),
          skipped: z.array(
            z.object({
              version: z.number().int(),
              reason: z.enum(['destroyed', 'not-deleted', 'missing']),
            }),
          ),
        }),
      example: {
        mount: 'secret',
        path: 'payments/prod/ledger-db',
        versions: [5, 6],
      },
      run: input => ({
        restored: input.versions.filter(v => v !== 5),
        skipped: input.versions
          .filter(v => v === 5)
          .map(version => ({ version, reason: 'destroyed' as const })),
      }),
    }),
    portalAction({
      name: 'destroy-secret-versions',
      title: 'Destroy Secret Versions',
      description:
        'Permanently erases the data of the given secret versions. Metadata remains, but the values are unrecoverable.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          mount: z.string().default('secret'),
          path: z.string(),
          versions: z.array(z.number().int().positive()).min(1).max(100),
        }),
      output: z =>
        z.object({
          path: z.string(),
          destroyedVersions: z.array(z.number().int()),
        }),
      example: {
        mount: 'secret',
        path: 'payments/prod/ledger-db',
        versions: [3, 4],
      },
      run: input => ({ path: input.path, destroyedVersions: input.versions }),
    }),
    portalAction({
      name: 'rotate-database-credentials',
      title: 'Rotate Database Credentials',
      description:
        'Rotates the password of a static role in the database secrets engine. Applications that cache the old password will fail to connect until they re-read it.',
      input: z =>
        z.object({
          mount: z.string().default('database'),
          staticRole: z.string().regex(/^[a-z0-9_-]+$/),
        }),
      output: z =>
        z.object({
          staticRole: z.string(),
          username: z.string(),
          lastVaultRotation: z.string(),
          ttlSeconds: z
            .number()
            .int()
            .describe('Seconds until the next scheduled rotation'),
        }),
      example: { mount: 'database', staticRole: 'ledger-app' },
      run: input => ({
        staticRole: input.staticRole,
        username: input.staticRole.replace(/-/g, '_'),
        lastVaultRotation: '2024-06-02T11:05:12Z',
        ttlSeconds: 2592000,
      }),
    }),
    portalAction({
      name: 'list-leases',
      title: 'List Leases',
      description:
        'Lists lease IDs under a prefix, for example all credentials issued by one database role. Requires sudo on sys/leases/lookup.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          prefix: z
            .string()
            .min(1)
            .describe('e.g. database/creds/ledger-readonly/'),
        }),
      output: z =>
        z.object({
          prefix: z.string(),
          leaseIds: z.array(z.string()),
        }),
      example: { prefix: 'database/creds/ledger-readonly/' },
      run: input => ({
        prefix: input.prefix,
        leaseIds: ['J2hQ5pWvX8bK3nLmA6rT1yZc', 'U7dF4sG9hJ2kL5mN8pQ1rS3t'],
      }),
    }),
    portalAction({
      name: 'lookup-lease',
      title: 'Lookup Lease',
      description:
        'Shows when a lease was issued, when it expires and whether it can be renewed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          leaseId: z
            .string()
            .min(1)
            .describe('Full lease ID including its path'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          issueTime: z.string(),
          expireTime: z.string(),
          ttlSeconds: z.number().int(),
          renewable: z.boolean(),
        }),
      example: {
        leaseId: 'database/creds/ledger-readonly/J2hQ5pWvX8bK3nLmA6rT1yZc',
      },
      run: input => ({
        id: input.leaseId,
        issueTime: '2024-06-02T08:00:00Z',
        expireTime: '2024-06-02T12:00:00Z',
        ttlSeconds: 3300,
        renewable: true,
      }),
    }),
    portalAction({
      name: 'renew-lease',
      title: 'Renew Lease',
      description:
        'Extends a renewable lease. The granted TTL may be shorter than requested if it would exceed the max TTL of the role or mount.',
      attributes: { idempotent: true },
      input: z =>
        z.object({
          leaseId: z.string(),
          incrementSeconds: z.number().int().min(60).max(2592000).default(3600),
        }),
      output: z =>
        z.object({
          leaseId: z.string(),
          leaseDuration: z.number().int(),
          renewable: z.boolean(),
        }),
      example: {
        leaseId: 'database/creds/ledger-readonly/J2hQ5pWvX8bK3nLmA6rT1yZc',
        incrementSeconds: 7200,
      },
      run: input => ({
        leaseId: input.leaseId,
        leaseDuration: Math.min(input.incrementSeconds, 14400),
        renewable: true,
      }),
    }),
    portalAction({
      name: 'revoke-lease',
      title: 'Revoke Lease',
      description:
        'Revokes a lease, or every lease under a prefix. The secrets engine deletes the underlying credentials, so anything still using them loses access immediately.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          leaseId: z.string().optional(),
          prefix: z
            .string()
            .optional()
            .describe('Revoke all leases under this prefix instead'),
          force: z
            .boolean()
            .default(false)
            .describe(
              'With prefix: drop leases from Vault even if the backend revocation fails',
            ),
          sync: z
            .boolean()
            .default(true)
            .describe('Wait for revocation to finish'),
        }),
      output: z =>
        z.object({
          target: z.string(),
          mode: z.enum(['lease', 'prefix', 'prefix-force']),
          accepted: z.boolean(),
        }),
      example: {
        prefix: 'database/creds/ledger-readonly/',
        force: false,
        sync: true,
      },
      run: input => {
        let mode: 'lease' | 'prefix' | 'prefix-force' = 'prefix';
        if (input.leaseId) mode = 'lease';
        else if (input.force) mode = 'prefix-force';
        return {
          target: input.leaseId ?? input.prefix ?? '',
          mode,
          accepted: Boolean(input.leaseId ?? input.prefix),
        };
      },
    }),
    portalAction({
      name: 'lookup-token',
      title: 'Lookup Token',
      description:
        'Looks up a token by its accessor, returning its policies, TTL and metadata. The token itself is never exposed.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          accessor: z
            .string()
            .min(20)
            .describe('Token accessor, not the token'),
        }),
      output: z =>
        z.object({
          accessor: z.string(),
          displayName: z.string(),
          policies: z.array(z.string()),
          ttlSeconds: z.number().int(),
          expireTime: z.string().nullable(),
          orphan: z.boolean(),
          meta: z.record(z.string()).nullable(),
          entityId: z.string().optional(),
        }),
      example: { accessor: '8609694a-cdbc-db9b-d345-e782dbb562ed' },
      run: input => ({
        accessor: input.accessor,
        displayName: 'kubernetes-payments-ledger-api',
        policies: ['default', 'payments-prod-read'],
        ttlSeconds: 2764,
        expireTime: '2024-06-02T12:46:04Z',
        orphan: true,
        meta: { role: 'ledger-api', service_account_namespace: 'payments' },
        entityId: '7d2e3179-f69b-450c-7179-ac8ee8bd8ca9',
      }),
    }),
    portalAction({
      name: 'revoke-token',
      title: 'Revoke Token',
      description:
        'Revokes a token by accessor. Child tokens and leases created with it are revoked too, unless orphanChildren is set.',
      attributes: { destructive: true, idempotent: true },
      input: z =>
        z.object({
          accessor: z.string().min(20),
          orphanChildren: z.boolean().default(false),
          reason: z
            .string()
            .min(5)
            .describe('Logged with the request in the audit device'),
        }),
      output: z =>
        z.object({
          accessor: z.string(),
          revoked: z.boolean(),
          childrenOrphaned: z.boolean(),
        }),
      example: {
        accessor: '8609694a-cdbc-db9b-d345-e782dbb562ed',
        orphanChildren: false,
        reason: 'Token leaked in CI log, INC-5531',
      },
      run: input => ({
        accessor: input.accessor,
        revoked: true,
        childrenOrphaned: input.orphanChildren,
      }),
    }),
    portalAction({
      name: 'list-policies',
      title: 'List Policies',
      description: 'Lists the names of ACL policies.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ namespace: z.string().optional() }),
      output: z => z.object({ policies: z.array(z.string()) }),
      example: {},
      run: () => ({
        policies: [
          'default',
          'root',
          'payments-prod-read',
          'payments-prod-write',
          'ci-deployer',
        ],
      }),
    }),
    portalAction({
      name: 'read-policy',
      title: 'Read Policy',
      description:
        'Returns the HCL of an ACL policy, plus a parsed list of its path rules for easier review.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ name: z.string().regex(/^[a-z0-9_-]+$/) }),
      output: z =>
        z.object({
          name: z.string(),
          hcl: z.string(),
          rules: z.array(
            z.object({
              path: z.string(),
              capabilities: z.array(
                z.enum([
                  'create',
                  'read',
                  'update',
                  'patch',
                  'delete',
                  'list',
                  'sudo',
                  'deny',
                ]),
              ),
            }),
          ),
        }),
      example: { name: 'payments-prod-read' },
      run: input => ({
        name: input.name,
        hcl: 'path "secret/data/payments/prod/*" {\n  capabilities = ["read"]\n}\npath "secret/metadata/payments/prod/*" {\n  capabilities = ["list", "read"]\n}\n',
        rules: [
          {
            path: 'secret/data/payments/prod/*',
            capabilities: ['read' as const],
          },
          {
            path: 'secret/metadata/payments/prod/*',
            capabilities: ['list' as const, 'read' as const],
          },
        ],
      }),
    }),
    portalAction({
      name: 'check-capabilities',
      title: 'Check Capabilities',
      description:
        'Tells which capabilities an entity or token accessor has on each of the given paths. Use it to debug "permission denied" errors without trial and error.',
      attributes: { readOnly: true, idempotent: true },
      input: z =>
        z.object({
          subject: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('accessor'), accessor: z.string() }),
            z.object({
              kind: z.literal('entity'),
              entityId: z.string().uuid(),
            }),
          ]),
          paths: z.array(z.string()).min(1).max(50),
        }),
      output: z =>
        z.object({
          results: z.array(
            z.object({ path: z.string(), capabilities: z.array(z.string()) }),
          ),
        }),
      example: {
        subject: {
          kind: 'accessor',
          accessor: '8609694a-cdbc-db9b-d345-e782dbb562ed',
        },
        paths: [
          'secret/data/payments/prod/ledger-db',
          'secret/data/payments/prod/stripe',
        ],
      },
      run: input => ({
        results: input.paths.map(path => ({
          path,
          capabilities: path.endsWith('stripe') ? ['deny'] : ['read'],
        })),
      }),
    }),
    portalAction({
      name: 'get-seal-status',
      title: 'Get Seal Status',
      description:
        'Reports whether Vault is sealed and, if so, how far unsealing has progressed.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          sealed: z.boolean(),
          type: z.enum([
            'shamir',
            'awskms',
            'gcpckms',
            'azurekeyvault',
            'transit',
          ]),
          threshold: z.number().int(),
          shares: z.number().int(),
          progress: z.number().int(),
          version: z.string(),
          clusterName: z.string(),
        }),
      example: {},
      run: () => ({
        sealed: false,
        type: 'awskms' as const,
        threshold: 3,
        shares: 5,
        progress: 0,
        version: '1.16.3',
        clusterName: 'vault-prod-euw1',
      }),
    }),
    portalAction({
      name: 'seal-vault',
      title: 'Seal Vault',
      description:
        'Seals the Vault cluster: every request fails until it is unsealed again. Meant as an emergency brake during a suspected compromise; requires root or sudo on sys/seal.',
      attributes: { destructive: true },
      input: z =>
        z.object({
          confirmClusterName: z
            .string()
            .describe('Must match the cluster name from get-seal-status'),
          incidentId: z.string().regex(/^INC-\d+$/),
        }),
      output: z => z.object({ sealed: z.boolean(), clusterName: z.string() }),
      example: {
        confirmClusterName: 'vault-prod-euw1',
        incidentId: 'INC-5531',
      },
      run: input => ({
        sealed: input.confirmClusterName === 'vault-prod-euw1',
        clusterName: 'vault-prod-euw1',
      }),
    }),
    portalAction({
      name: 'list-auth-methods',
      title: 'List Auth Methods',
      description:
        'Lists enabled auth methods with their mount path, type and token TTL defaults.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({ namespace: z.string().optional() }),
      output: z =>
        z.object({
          methods: z.array(
            z.object({
              path: z.string(),
              type: z.string(),
              description: z.string(),
              defaultLeaseTtl: z.number().int(),
              maxLeaseTtl: z.number().int(),
              local: z.boolean(),
            }),
          ),
        }),
      example: { namespace: 'payments' },
      run: () => ({
        methods: [
          {
            path: 'kubernetes/',
            type: 'kubernetes',
            description: 'EKS workloads',
            defaultLeaseTtl: 3600,
            maxLeaseTtl: 86400,
            local: false,
          },
          {
            path: 'oidc/',
            type: 'oidc',
            description: 'Engineers via SSO',
            defaultLeaseTtl: 28800,
            maxLeaseTtl: 43200,
            local: false,
          },
          {
            path: 'approle/',
            type: 'approle',
            description: 'Legacy batch jobs',
            defaultLeaseTtl: 1800,
            maxLeaseTtl: 3600,
            local: true,
          },
        ],
      }),
    }),
    portalAction({
      name: 'list-audit-devices',
      title: 'List Audit Devices',
      description:
        'Lists enabled audit devices. When none of them can write, Vault refuses every request, so check here first if everything suddenly fails.',
      attributes: { readOnly: true, idempotent: true },
      input: z => z.object({}),
      output: z =>
        z.object({
          devices: z.array(
            z.object({
              path: z.string(),
              type: z.enum(['file', 'syslog', 'socket']),
              options: z.record(z.string()),
            }),
          ),
        }),
      example: {},
      run: () => ({
        devices: [
          {
            path: 'file/',
            type: 'file' as const,
            options: {
              file_path: '/vault/audit/audit.log',
              log_raw: 'false',
            } as Record<string, string>,
          },
          {
            path: 'socket/',
            type: 'socket' as const,
            options: {
              address: 'audit-forwarder.vault.svc:9090',
              socket_type: 'tcp',
            } as Record<string, string>,
          },
        ],
      }),
    }),
  ],
};
