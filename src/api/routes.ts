// Non-GraphQL routes: packet downloads and the web page register here.
import type { Services } from './context';
import type { Route } from './server';
import { packetRoutes } from '../packets';
import { webRoutes } from '../web';

export function extraRoutes(services: Services): Route[] {
  return [...webRoutes(), ...packetRoutes(services)];
}
