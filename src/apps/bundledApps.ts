import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';

/** The apps this package ships, built from `apps/` into `dist-apps/`. */
export type AppName =
  | 'entity-card'
  | 'template-form'
  | 'task-view'
  | 'output-view';

/** One shipped app: its `ui://` resource as listed. */
export interface BundledApp {
  name: AppName;
  uri: string;
  title: string;
  description: string;
}

function app(name: AppName, title: string, description: string): BundledApp {
  return { name, uri: `ui://backstage/${name}`, title, description };
}

/** Every shipped app, in the order `resources/list` shows them. */
export const BUNDLED_APPS: readonly BundledApp[] = [
  app(
    'entity-card',
    'Catalog entity card',
    'A Backstage catalog entity as a card: kind, owner, system, lifecycle, links and relations, each relation opening the related entity.',
  ),
  app(
    'template-form',
    'Scaffolder template form',
    "A scaffolder template's parameters as a form, validated before it runs the template, followed by the run's live log.",
  ),
  app(
    'task-view',
    'Scaffolder task view',
    'A scaffolder task: its steps and live log until it finishes.',
  ),
  app(
    'output-view',
    'Action output',
    "Any action's structured output as a readable table.",
  ),
];

const BY_NAME = new Map(BUNDLED_APPS.map(a => [a.name, a]));
const BY_URI = new Map(BUNDLED_APPS.map(a => [a.uri, a]));

/** The app a `ui://` URI names, if it is one of ours. */
export function bundledAppAt(uri: string): BundledApp | undefined {
  return BY_URI.get(uri);
}

/**
 * The registry actions with an app of their own, by action id; the
 * scaffolder and catalog register these under their plugin ids.
 */
export const APP_OF_ACTION: Readonly<Record<string, AppName>> = {
  'catalog:get-catalog-entity': 'entity-card',
  'scaffolder:execute-template': 'template-form',
  'scaffolder:get-scaffolder-task-logs': 'task-view',
};

/**
 * The app a tool of `action` shows its result in: its own where it has
 * one, the generic output view for any other action that declares an
 * object output, and none for the rest (their results are text only).
 */
export function appForAction(
  action: ActionsServiceAction,
): BundledApp | undefined {
  const own = APP_OF_ACTION[action.id];
  if (own) {
    return BY_NAME.get(own);
  }
  const output = action.schema?.output as { type?: unknown } | undefined;
  return output?.type === 'object' ? BY_NAME.get('output-view') : undefined;
}
