/**
 * A `torch.optim.lr_scheduler` class and its keyword arguments, as a trainer's config file names
 * them (DeepSpeed's torch fallback, a LightningCLI `lr_scheduler`), into a config of the PyTorch
 * family: the class's definition, the arguments renamed (`T_max` → `tMax`), and where each came from.
 *
 * @internal
 */
import type { AnyDefinition } from './define.js'

/** `warmup_min_lr` → `warmupMinLr`; torch's `T_max` → `tMax`, `T_0` → `t0`. */
export const camel = (snake: string): string => {
  const c = snake.replace(/_([a-zA-Z0-9])/g, (_, x: string) => x.toUpperCase())
  return c.charAt(0).toLowerCase() + c.slice(1)
}

/** torch's capitalised argument names (CosineAnnealingLR's, CosineAnnealingWarmRestarts'). */
const CAPITALISED: Readonly<Record<string, string>> = { tMax: 'T_max', t0: 'T_0', tMult: 'T_mult' }

/** Our argument's name in the file: `totalIters` → `total_iters`, `tMax` → `T_max`. */
export const snake = (name: string): string => CAPITALISED[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** The torch.optim.lr_scheduler classes a config file can name that no file can give what they need, and why. */
export const TORCH_REFUSED: Readonly<Record<string, string>> = {
  LambdaLR: 'its lr_lambda is a Python function, which a JSON config cannot hold',
  MultiplicativeLR: 'its lr_lambda is a Python function, which a JSON config cannot hold',
  SequentialLR: 'it takes scheduler objects, which a JSON config cannot hold',
  ChainedScheduler: 'it takes scheduler objects, which a JSON config cannot hold'
}

/** A class's arguments as our config, and the file's key of each (`tMax` → `lr_scheduler.init_args.T_max`). */
export interface ClassArgs {
  readonly config: Record<string, unknown>
  readonly keys: Record<string, string>
}

/**
 * The keyword arguments `params` of the class `definition` stands for, found at `at` in the file
 * (`scheduler.params`): each renamed to ours, or a problem naming its key — an argument the class
 * does not take, a resumed schedule (`resume` other than -1), or a value `refuse` turns down (it
 * reports its own problem and returns true).
 */
export const classArgs = (
  definition: AnyDefinition,
  params: Readonly<Record<string, unknown>>,
  at: string,
  who: string,
  resume: string,
  problem: (path: string, message: string, value: unknown) => void,
  refuse: (path: string, value: unknown) => boolean = () => false
): ClassArgs => {
  const config: Record<string, unknown> = { type: definition.type }
  const keys: Record<string, string> = {}
  const args = Object.keys(definition.args)
  for (const [k, v] of Object.entries(params)) {
    const path = `${at}.${k}`
    if (k === resume) {
      if (v !== -1) problem(path, `a resumed schedule is not read (only -1, the start): trace from the start and resume from a checkpoint of ours`, v)
      continue
    }
    // the file's key must be the class's own (torch raises on `t_max` for `T_max`)
    const a = camel(k)
    if (!args.includes(a) || snake(a) !== k) problem(path, `not an argument of ${who} (it takes ${args.map(snake).join(', ')})`, v)
    else if (!refuse(path, v)) {
      config[a] = v
      keys[a] = path
    }
  }
  return { config, keys }
}
