// Non-GraphQL routes: packet downloads and the web page register here.
import type { Services } from './context';
import type { Route } from './server';

export function extraRoutes(_services: Services): Route[] {
  return [];
}
