// A catalogue's type with its literal texts widened to string, so that the English catalogue must
// have every key of the Greek one, with the same arguments, and nothing else.
export type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Widen<T[K]> };
