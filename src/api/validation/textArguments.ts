// The text policy (src/model/text/policy.ts) at the GraphQL door: every String and ID
// argument of every root field is checked before its resolver runs, whatever the field, so
// a field added later is covered the day it appears. ID arguments are ids; String arguments
// are notes, names or codes by their name. The resolvers' own, tighter caps still apply.
import type { GraphQLArgument, GraphQLField, GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import { checkedText } from '../../args';
import { excerpt, type TextKind } from '../../model/text/policy';

const NOTE_ARGUMENT = /note|comment|reason|message/i;
const NAME_ARGUMENT = /^(name|text)$/;

/** The kind of text an argument holds, or null for arguments that are not text. */
export function argumentKind(arg: Pick<GraphQLArgument, 'name' | 'type'>): TextKind | null {
  const type = getNamedType(arg.type).name;
  if (type === 'ID') return 'id';
  if (type !== 'String') return null;
  return NOTE_ARGUMENT.test(arg.name) ? 'note' : NAME_ARGUMENT.test(arg.name) ? 'name' : 'code';
}

const kindsOf = new WeakMap<GraphQLField<unknown, unknown>, [string, TextKind][]>();
function textArguments(field: GraphQLField<unknown, unknown>): [string, TextKind][] {
  let kinds = kindsOf.get(field);
  if (!kinds) {
    kinds = field.args.flatMap((a): [string, TextKind][] => {
      const kind = argumentKind(a);
      return kind ? [[a.name, kind]] : [];
    });
    kindsOf.set(field, kinds);
  }
  return kinds;
}

/** The arguments with every text checked (notes normalised); throws BadInputError naming the argument. */
function checkArguments(args: Record<string, unknown>, info: GraphQLResolveInfo): Record<string, unknown> {
  const field = info.parentType.getFields()[info.fieldName] as GraphQLField<unknown, unknown> | undefined;
  if (!field) return args;
  let out = args;
  for (const [name, kind] of textArguments(field)) {
    const v = args[name];
    if (typeof v === 'string') {
      const checked = checkedText(name, v, kind);
      if (checked !== v) out = { ...out, [name]: checked };
    } else if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && checkedText(`${name}[${i}]`, x, kind));
  }
  return out;
}

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/** The resolvers of a root type, each checking its text arguments first. */
export function withTextPolicy<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, resolve] of Object.entries(fields)) {
    out[name] =
      typeof resolve === 'function'
        ? (parent: unknown, args: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) =>
            (resolve as Resolver)(parent, checkArguments(args, info), ctx, info)
        : resolve;
  }
  return out as T;
}

// graphql-js quotes a variable value it cannot coerce whole, once or twice
// (`Variable "$n" got invalid value "yyyy…"; Int cannot represent non-integer value: "yyyy…"`):
// a 10 MB value would come back twice. Quoted strings longer than an excerpt are cut. A plain
// scan, since a regular expression over a 10 MB quoted string can overflow its stack.
const LONG = 60;

/** A GraphQL error message with each long quoted value cut to an excerpt (variable coercion errors only). */
export function shortenEchoedValues(message: string): string {
  if (!message.startsWith('Variable "$') || message.length < 200) return message;
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('"', i);
    if (open < 0) break;
    let close = open + 1;
    while (close < message.length && message[close] !== '"') close += message[close] === '\\' ? 2 : 1;
    if (close >= message.length) break;
    const quoted = message.slice(open, close + 1);
    out += message.slice(i, open);
    if (quoted.length - 2 <= LONG) out += quoted;
    else {
      // the value as sent where it is short enough to decode cheaply, else as quoted
      let inner = quoted.slice(1, -1);
      try {
        if (quoted.length < 4096) inner = JSON.parse(quoted) as string;
      } catch {
        /* kept as quoted */
      }
      out += excerpt(inner);
    }
    i = close + 1;
  }
  return out + message.slice(i);
}
