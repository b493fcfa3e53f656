/** The word with its first letter capitalized, the rest as it is ("urumqi" -> "Urumqi"): how a read name is written back. */
export const titleCase = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
