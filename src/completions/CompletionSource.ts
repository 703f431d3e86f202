/**
 * Where the values of one prompt argument or resource template variable
 * are completed from.
 */
export type CompletionSource =
  /** A fixed list (a template parameter's `enum`). */
  | { from: 'values'; values: string[] }
  /** Entity refs, of these kinds (lowercased) or of every kind. */
  | { from: 'entityRef'; kinds?: string[] }
  /** Entity kinds. */
  | { from: 'kind' }
  /** Namespaces (of the kind already chosen, if any). */
  | { from: 'namespace' }
  /** Entity names (of the kind and namespace already chosen, if any). */
  | { from: 'name' };

/** Owners are groups and users. */
export const OWNER_KINDS = ['group', 'user'];
