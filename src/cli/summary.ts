/**
 * A one-line description of a schedule (for `validate`).
 *
 * @internal
 */
import type { SchedulerConfig } from '../core/model.js'

const argsOf = (c: SchedulerConfig): string =>
  Object.entries(c)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k} ${typeof v === 'function' ? '<function>' : JSON.stringify(v)}`)
    .join(', ')

/** `SequentialLR[LinearLR(startFactor 0.01, ...) until 100, CosineAnnealingLR(tMax 900, ...)]` */
export const summarize = (c: SchedulerConfig): string => {
  const children = c['schedulers'] as ReadonlyArray<SchedulerConfig> | undefined
  if (c.type === 'SequentialLR' && children !== undefined) {
    const ms = c['milestones'] as ReadonlyArray<number>
    return `SequentialLR[${children.map((s, i) => (i < ms.length ? `${summarize(s)} until step ${ms[i]}` : summarize(s))).join(', then ')}]`
  }
  if (c.type === 'ChainedScheduler' && children !== undefined) return `ChainedScheduler[${children.map(summarize).join(' × ')}]`
  if (c.type === 'Every' && c['scheduler'] !== undefined)
    return `Every[${summarize(c['scheduler'] as SchedulerConfig)} stepped after updates ${JSON.stringify(c['at'])} of every ${String(c['period'])}]`
  return `${c.type}(${argsOf(c)})`
}
