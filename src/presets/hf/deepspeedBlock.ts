/**
 * The `deepspeed` key of a Hugging Face `TrainingArguments` file (a ds_config given inline): its
 * `"auto"` values filled from the TrainingArguments, and its explicit values checked against them,
 * as transformers' `HfTrainerDeepSpeedConfig` does before DeepSpeed's engine is built.
 *
 * transformers 5.18 (src/transformers/integrations/deepspeed.py):
 * - `fill_match(ds_key, hf_val, hf_key, must_match=True)` (lines 105-131): a `"auto"` at `ds_key`
 *   becomes `hf_val`; an explicit value that differs (Python's `!=`) is a mismatch, and the
 *   mismatches are raised together at the end of `trainer_config_finalize` (a ValueError);
 *   `fill_only` fills without checking; a block the config lacks is skipped;
 * - `trainer_config_process` (lines 133-189): the batch keys (`train_micro_batch_size_per_gpu` ←
 *   `per_device_train_batch_size`, `gradient_accumulation_steps`, `train_batch_size` ← world size ×
 *   per device × accumulation), `gradient_clipping` ← `max_grad_norm`, the optimizer's `lr`,
 *   `betas` ← `[adam_beta1, adam_beta2]`, `eps`, `weight_decay`, the scheduler's `warmup_min_lr` ←
 *   0 (`fill_only`) and `warmup_max_lr` ← `learning_rate`, `fp16.enabled`, `bf16.enabled`;
 * - `trainer_config_finalize` (lines 241-260): the scheduler's `total_num_steps` ← the updates and
 *   `warmup_num_steps` ← `max(1, args.get_warmup_steps(updates))` (4.57: without the `max`).
 *
 * @internal
 */
import { formatValue } from '../../core/errors.js'

/** The TrainingArguments values transformers fills a ds_config from (the file's, or their defaults). */
export interface HfValues {
  readonly learningRate: number
  readonly adamBeta1: number
  readonly adamBeta2: number
  readonly adamEpsilon: number
  readonly weightDecay: number
  readonly maxGradNorm: number
  readonly perDevice: number
  readonly accumulation: number
  readonly fp16: boolean
  readonly bf16: boolean
  /** 4.57's `fp16_backend` and `fp16_opt_level` (the 4.x dialect fills `amp`); undefined for 5.x. */
  readonly v4: { readonly fp16Backend: unknown; readonly fp16OptLevel: unknown } | undefined
  /** The optimizer updates, when known. */
  readonly updates: number | undefined
  /** `args.get_warmup_steps(updates)` with its derivation, when it is known. */
  readonly warmup: () => { readonly steps: number; readonly line: string } | undefined
  readonly worldSize: number | undefined
}

type Problem = (path: string, message: string, value: unknown) => void

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Python's `==` on JSON values (`1 == 1.0 == True`, lists element by element). */
const pyEqual = (a: unknown, b: unknown): boolean => {
  const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : undefined)
  const [x, y] = [num(a), num(b)]
  if (x !== undefined && y !== undefined) return x === y
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEqual(v, b[i]))
  if (isObject(a) && isObject(b)) return Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && pyEqual(a[k], b[k]))
  return a === b
}

/** One fill of transformers: the ds key, the TrainingArguments' value (undefined: needs a fact), its key, whether it must match, what is missing. */
interface Fill {
  readonly key: string
  readonly value: () => unknown
  readonly from: string
  readonly mustMatch: boolean
  /** The fact without which the value is unknown, and why (a flag's error message). */
  readonly needs?: { readonly flag: string; readonly message: string }
}

/**
 * Fills a ds_config's `"auto"` values and checks its explicit ones against the TrainingArguments:
 * a copy of `ds` (the input is not changed), with one derived line per filled value; a mismatch is
 * an error naming the ds key (`deepspeed.optimizer.params.lr`) and the TrainingArguments key.
 *
 * @internal
 */
export const fillDeepspeed = (ds: Readonly<Record<string, unknown>>, hf: HfValues, problem: Problem, derived: string[]): Record<string, unknown> => {
  const config = structuredClone(ds) as Record<string, unknown>
  const updatesNeeded = { flag: '--train-batches', message: 'the number of updates, which without max_steps is num_train_epochs × the updates per epoch of the training dataloader (its batches per process)' }
  let warmup: { readonly steps: number; readonly line: string } | undefined | null = null
  const warmupOf = (): { readonly steps: number; readonly line: string } | undefined => {
    if (warmup === null) warmup = hf.warmup()
    return warmup
  }
  const fills: ReadonlyArray<Fill> = [
    // trainer_config_process (integrations/deepspeed.py:133-189)
    { key: 'train_micro_batch_size_per_gpu', value: () => hf.perDevice, from: 'per_device_train_batch_size', mustMatch: true },
    { key: 'gradient_accumulation_steps', value: () => hf.accumulation, from: 'gradient_accumulation_steps', mustMatch: true },
    {
      key: 'train_batch_size',
      value: () => (hf.worldSize === undefined ? undefined : hf.worldSize * hf.perDevice * hf.accumulation),
      from: `world size${hf.worldSize === undefined ? '' : ` ${hf.worldSize}`} × per_device_train_batch_size ${hf.perDevice} × gradient_accumulation_steps ${hf.accumulation}`,
      mustMatch: true,
      needs: { flag: '--world-size', message: 'transformers sets it to world size × per_device_train_batch_size × gradient_accumulation_steps' }
    },
    { key: 'gradient_clipping', value: () => hf.maxGradNorm, from: 'max_grad_norm', mustMatch: true },
    { key: 'optimizer.params.lr', value: () => hf.learningRate, from: 'learning_rate', mustMatch: true },
    { key: 'optimizer.params.betas', value: () => [hf.adamBeta1, hf.adamBeta2], from: 'adam_beta1, adam_beta2', mustMatch: true },
    { key: 'optimizer.params.eps', value: () => hf.adamEpsilon, from: 'adam_epsilon', mustMatch: true },
    { key: 'optimizer.params.weight_decay', value: () => hf.weightDecay, from: 'weight_decay', mustMatch: true },
    { key: 'scheduler.params.warmup_min_lr', value: () => 0, from: 'transformers fills 0', mustMatch: false },
    { key: 'scheduler.params.warmup_max_lr', value: () => hf.learningRate, from: 'learning_rate', mustMatch: true },
    ...(hf.v4 === undefined
      ? [{ key: 'fp16.enabled', value: () => hf.fp16, from: 'fp16 or fp16_full_eval', mustMatch: true }]
      : [
          // 4.57: fp16 through amp unless fp16_backend is apex
          { key: 'fp16.enabled', value: () => hf.fp16 && hf.v4?.fp16Backend !== 'apex', from: 'fp16 or fp16_full_eval, with fp16_backend amp', mustMatch: true },
          { key: 'amp.enabled', value: () => hf.fp16 && hf.v4?.fp16Backend === 'apex', from: 'fp16 with fp16_backend apex', mustMatch: true },
          { key: 'amp.opt_level', value: () => hf.v4?.fp16OptLevel, from: 'fp16_opt_level', mustMatch: true }
        ]),
    { key: 'bf16.enabled', value: () => hf.bf16, from: 'bf16 or bf16_full_eval', mustMatch: true },
    // trainer_config_finalize (integrations/deepspeed.py:241-260)
    { key: 'scheduler.params.total_num_steps', value: () => hf.updates, from: 'the updates', mustMatch: true, needs: updatesNeeded },
    {
      key: 'scheduler.params.warmup_num_steps',
      value: () => {
        const w = warmupOf()
        return w === undefined ? undefined : hf.v4 === undefined ? Math.max(1, w.steps) : w.steps
      },
      from: hf.v4 === undefined ? 'max(1, the warmup)' : 'the warmup',
      mustMatch: true,
      needs: updatesNeeded
    }
  ]
  for (const f of fills) {
    // find_config_node: a missing block skips the key
    const path = f.key.split('.')
    const last = path.pop() as string
    let node: unknown = config
    for (const p of path) node = isObject(node) ? node[p] : undefined
    if (!isObject(node)) continue
    const v = node[last]
    if (v === undefined || v === null || (!f.mustMatch && v !== 'auto')) continue
    const hfValue = f.value()
    if (hfValue === undefined && v === 'auto' && f.key === 'train_batch_size') {
      derived.push(`deepspeed train_batch_size: auto = ${f.from} (give --world-size for the number; it does not change the lr)`)
      continue
    }
    if (hfValue === undefined) {
      const needs = f.needs ?? updatesNeeded
      problem(needs.flag, `needed: deepspeed.${f.key} is ${v === 'auto' ? '"auto"' : `${formatValue(v)}, checked by transformers against ${f.from}`} (${needs.message})`, undefined)
      delete node[last] // said once
      continue
    }
    if (f.key === 'scheduler.params.warmup_num_steps') derived.push((warmupOf() as { readonly line: string }).line)
    if (v === 'auto') {
      node[last] = hfValue
      derived.push(`deepspeed ${f.key}: ${formatValue(hfValue)} = auto (${f.from})`)
    } else if (!pyEqual(v, hfValue))
      problem(
        `deepspeed.${f.key}`,
        `${formatValue(v)} does not match ${f.from} (${formatValue(hfValue)}): transformers refuses the file ("Please correct the following DeepSpeed config values that mismatch TrainingArguments values"; write "auto")`,
        v
      )
  }
  return config
}
