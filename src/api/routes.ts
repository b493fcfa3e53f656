// Non-GraphQL routes: packet downloads and the web page register here.
import type { Services } from './context';
import type { Route } from './server';
import { packetRoutes } from '../packets';

export function extraRoutes(services: Services): Route[] {
  return [...packetRoutes(services)];
}
