import net from 'node:net';

/**
 * A loopback TCP proxy in front of a server, that can freeze: it then stops forwarding in both
 * directions without closing anything, and leaves new connections unanswered, as a server that
 * was stopped (SIGSTOP) or a network that silently drops packets would. What arrives meanwhile
 * is held, and delivered on `thaw()`, as the kernel would deliver it to a server that resumes.
 */
export interface FreezingProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function freezingProxy(target: { host: string; port: number }): Promise<FreezingProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  /** What waits for a thaw: data to forward, and connections to open upstream. */
  const held: (() => void)[] = [];
  const whenThawed = (action: () => void) => (frozen ? held.push(action) : action());

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const early: Buffer[] = [];
    let upstream: net.Socket | undefined;
    client.on('data', (chunk) => whenThawed(() => (upstream ? upstream.write(chunk) : early.push(chunk))));
    whenThawed(() => {
      if (client.destroyed) return;
      upstream = net.connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on('close', () => client.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream?.destroy());
      upstream.on('data', (chunk) => whenThawed(() => client.write(chunk)));
      for (const chunk of early.splice(0)) upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const action of held.splice(0)) action();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: FreezingProxy): string {
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.href;
}
