import type { AnyZodObject, z as zod } from 'zod/v3';

/**
 * One action of the realistic portal registry: what a plugin author would
 * register in the Actions Registry, plus one example input that the
 * registry's own test runs through the action.
 */
export interface PortalAction<
  TInput extends AnyZodObject = AnyZodObject,
  TOutput extends AnyZodObject = AnyZodObject,
> {
  /** kebab-case, unique within its plugin, e.g. `list-pods`. */
  name: string;
  title: string;
  /** One to three sentences, as an author would write them. */
  description: string;
  attributes?: {
    readOnly?: boolean;
    destructive?: boolean;
    idempotent?: boolean;
  };
  input: (z: typeof zod) => TInput;
  output: (z: typeof zod) => TOutput;
  /** A valid input; `run(example)` must return a valid output. */
  example: zod.infer<TInput>;
  /** Deterministic, side-effect free stand-in for the real work. */
  run: (input: zod.infer<TInput>) => zod.infer<TOutput>;
}

/** A plugin of the realistic portal and the actions it registers. */
export interface PortalPlugin {
  pluginId: string;
  actions: PortalAction[];
}

/**
 * Keeps each action's input and output types tied together while the
 * plugin holds them as plain `PortalAction`s.
 */
export function portalAction<
  TInput extends AnyZodObject,
  TOutput extends AnyZodObject,
>(action: PortalAction<TInput, TOutput>): PortalAction {
  return action as unknown as PortalAction;
}
