// Local mode has no tokens, so anything that can reach the port can read and write the data.
// A web page the user visits can: its script resolves its own host name to 127.0.0.1 (DNS
// rebinding) and then reads our answers as same-origin. The browser still sends that foreign
// name in the Host header, so local mode serves only requests addressed to a loopback name
// (and to the names an operator lists in ALLOWED_HOSTS).

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The host name of a Host header, lower case, without port or trailing dot; undefined if malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  // [v6]:port, or name:port, or a bare name
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(h);
  if (!m) return undefined;
  return m[1].endsWith('.') ? m[1].slice(0, -1) : m[1];
}

/** Host names from ALLOWED_HOSTS ("a.example, b.example"); each must be a plain name or address. */
export function parseAllowedHosts(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const name = hostName(s);
      if (!name || s.includes(':') !== name.startsWith('[')) {
        throw new Error(`ALLOWED_HOSTS: "${s}" is not a host name (give names without scheme or port, e.g. "trace.local")`);
      }
      return name;
    });
}

/** True when the Host header names a loopback host or one of the allowed names. */
export function isServedHost(header: string | undefined, allowed: readonly string[]): boolean {
  const name = hostName(header);
  return name !== undefined && ((LOOPBACK_HOSTS as readonly string[]).includes(name) || allowed.includes(name));
}
