/**
 * The build's Astro step in a child process of its own (child-step.ts): the pages read the content
 * root and generated folder from SND_ROOT and SND_GENERATED_DIR in the environment they are given.
 */
import { runStepInChild } from './child-step.ts';

/** What the Astro step is given. */
export interface AstroStepInput {
  /** Folder holding astro.config.mjs and src/. */
  readonly project: string;
  readonly outDir: string;
  readonly cacheDir?: string;
}

/** Runs Astro's build in a child process with `env`; a compiler error comes back with its message and `loc`. */
export function runAstroStep(input: AstroStepInput, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  // Astro is loaded by the child alone: this process stays small while Astro runs.
  return runStepInChild<void>(new URL('./astro-step-child.ts', import.meta.url), input, env);
}
