// The family as users import it (`import { hf } from 'lr-schedule'` once the lead wires it in).
export * as hf from '../../../src/presets/hf/index.js'
