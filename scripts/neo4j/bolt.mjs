// Waiting for Bolt: a TCP connection that answers the Bolt handshake.
import net from 'node:net';
import { sleep } from './layout.mjs';

function boltHandshake(host, port, timeoutMs) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(ok);
    };
    const timer = setTimeout(() => finish(false), Math.max(100, timeoutMs));
    socket.on('connect', () => {
      // Bolt magic, then four version proposals (5.0-5.4, 4.4, none, none); any 4-byte answer means Bolt is up.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    let got = 0;
    socket.on('data', (d) => {
      got += d.length;
      if (got >= 4) finish(true);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

/** Resolves once host:port accepts a TCP connection and answers the Bolt handshake; rejects after timeoutMs. */
export async function waitForBolt(host, port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (await boltHandshake(host, port, Math.min(5_000, Math.max(left, 100)))) return;
    if (Date.now() >= deadline) throw new Error(`Bolt at ${host}:${port} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}
