/** The picker's configs, bundled by scripts/playground.mjs (an esbuild plugin). */
declare module 'virtual:gallery' {
  const list: ReadonlyArray<{
    readonly family: string
    readonly title: string
    readonly text: string
    readonly format: string
    readonly lr?: string
    readonly steps?: string
    readonly trainBatches?: string
    readonly worldSize?: string
    readonly epochs?: string
  }>
  export default list
}
