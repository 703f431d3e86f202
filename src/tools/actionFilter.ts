import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import type { ActionFilter, FilterRule } from './readToolsConfig';

type FilterableAction = Pick<ActionsServiceAction, 'id' | 'attributes'>;

/**
 * A rule matches when its glob (if any) matches the action id and every
 * attribute it names has the same value on the action.
 */
export function matchesRule(
  action: FilterableAction,
  rule: FilterRule,
): boolean {
  if (rule.idMatcher && !rule.idMatcher.match(action.id)) {
    return false;
  }
  if (rule.attributes) {
    for (const [attribute, expected] of Object.entries(rule.attributes)) {
      if (
        action.attributes[attribute as keyof typeof action.attributes] !==
        expected
      ) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Exclude rules win; with any include rules, an action must match one of
 * them; with none, everything not excluded passes.
 */
export function isActionAllowed(
  action: FilterableAction,
  filter: ActionFilter,
): boolean {
  if (filter.exclude.some(rule => matchesRule(action, rule))) {
    return false;
  }
  return (
    filter.include.length === 0 ||
    filter.include.some(rule => matchesRule(action, rule))
  );
}
