/** A nominal type: a `T` that the compiler will not mix with another brand of the same `T`. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
