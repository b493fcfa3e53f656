import fc from 'fast-check';
import { hostName, isServedHost, parseAllowedHosts } from '../../../src/config/hosts';
import { loadConfig } from '../../../src/config';

describe('local mode Host check', () => {
  it('reads the host name of a Host header, with or without port, in any case', () => {
    expect(hostName('LocalHost:4000')).toBe('localhost');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('[::1]:4000')).toBe('[::1]');
    expect(hostName('localhost.')).toBe('localhost');
    for (const bad of [undefined, '', 'a b', 'user@localhost', 'localhost:', 'localhost:4000:1', '::1', 'http://localhost']) {
      expect(hostName(bad)).toBeUndefined();
    }
  });

  it('serves the loopback names on any port and nothing else unless allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom('localhost', '127.0.0.1', '[::1]'), fc.option(fc.integer({ min: 1, max: 65535 })), (name, port) => {
        expect(isServedHost(port === null ? name : `${name}:${port}`, [])).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })), (name, port) => {
        const header = port === null ? name : `${name}:${port}`;
        expect(isServedHost(header, [])).toBe(false);
        expect(isServedHost(header, [name.toLowerCase()])).toBe(true);
      }),
    );
    expect(isServedHost(undefined, [])).toBe(false);
    expect(isServedHost('localhost.evil.example', [])).toBe(false);
  });

  it('reads ALLOWED_HOSTS and refuses entries that are not host names', () => {
    expect(parseAllowedHosts(' Trace.Internal , 10.1.2.3,[fe80::1] ')).toEqual(['trace.internal', '10.1.2.3', '[fe80::1]']);
    expect(loadConfig({ ALLOWED_HOSTS: 'a.example' }).allowedHosts).toEqual(['a.example']);
    expect(loadConfig({}).allowedHosts).toEqual([]);
    for (const bad of ['http://a.example', 'a.example:8080', 'a b']) {
      expect(() => parseAllowedHosts(bad)).toThrow(/ALLOWED_HOSTS: .* is not a host name/);
    }
  });
});
