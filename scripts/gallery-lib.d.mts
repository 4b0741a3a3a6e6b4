/** The functions the gallery's LambdaLR/MultiplicativeLR configs name. */
export declare const functions: Readonly<Record<string, (x: number) => number>>
/** A noisy loss that falls, then flattens: n values, the same on every machine. */
export declare const plateauMetrics: (n: number) => Array<number>
