// The arguments of the schema's queries and mutations, from the types generated out of
// schema.graphql (src/api/generated). Resolvers read them through one shared type: every
// argument name with its schema type, required only where every field that has it requires it.
import type { MutationResolvers, QueryResolvers } from './generated/schema-types';

type Fn = (...args: never[]) => unknown;
/** The argument object of each field that takes arguments, as a union. */
type FieldArgs<R> = {
  [K in keyof R]-?: Parameters<Extract<NonNullable<R[K]>, Fn>>[1] extends infer A ? (string extends keyof A ? never : A) : never;
}[keyof R];
type AllArgs = FieldArgs<QueryResolvers> | FieldArgs<MutationResolvers>;

type Names<U> = U extends unknown ? keyof U : never;
type TypeIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
/** true for each field whose arguments require K, false for each where K may be left out */
type RequiredBy<U, K extends PropertyKey> = U extends unknown
  ? K extends keyof U
    ? Record<never, never> extends Pick<U, K>
      ? false
      : true
    : never
  : never;
type Flatten<T> = { [K in keyof T]: T[K] };

export type SchemaArgs = Flatten<
  { [K in Names<AllArgs> as false extends RequiredBy<AllArgs, K> ? never : K]: TypeIn<AllArgs, K> } & {
    [K in Names<AllArgs> as false extends RequiredBy<AllArgs, K> ? K : never]?: TypeIn<AllArgs, K> | null;
  }
>;

type ArgsOfField<R, K extends keyof R> = Parameters<Extract<NonNullable<R[K]>, Fn>>[1];
/** One field's arguments exactly (where a name is required there but not in every field). */
export type ArgsOf<F extends keyof QueryResolvers | keyof MutationResolvers> = F extends keyof QueryResolvers
  ? ArgsOfField<QueryResolvers, F>
  : F extends keyof MutationResolvers
    ? ArgsOfField<MutationResolvers, F>
    : never;
