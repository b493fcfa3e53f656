// What the entry points (server, CLIs, tests, benchmarks) share: the wired services and
// who is asking. It names the graph and the screening service, so it sits above them with
// the entry points; capabilities declare the narrower services they need themselves.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Graph } from './graph/graph';
import type { ScreeningService } from './screening/service';
import type { ExhibitStore } from './exhibits';

export type Role = 'IMPORTER' | 'INVESTIGATOR' | 'ADMIN';
export interface Principal {
  tokenId: string;
  tenant: string;
  role: Role;
}

export interface Services {
  config: Config;
  graph: Graph;
  screening: ScreeningService;
  log: Logger;
  /** Every tenant's exhibit files, each tenant in its own space (EXHIBIT_ROOT). */
  exhibits: ExhibitStore;
  /** Resolves a bearer token to a principal; undefined when no tokens are configured. */
  authenticate?: (req: IncomingMessage) => Promise<Principal>;
}
